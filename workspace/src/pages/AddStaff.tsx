import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AGENCIES } from '../../../console/src/words.ts';
import { ProblemAlert, useAction } from '../../../web/use-action.tsx';
import { graphql } from '../api.ts';

const SEARCH = `query ($agency: Agency!, $unit: String, $name: String) {
  staffDirectory(agency: $agency, unit: $unit, name: $name) { directoryId name title agency unit email } }`;
const ADD = `mutation ($sipId: ID!, $agency: Agency!, $directoryId: String!) {
  addStaffFromDirectory(sipId: $sipId, agency: $agency, directoryId: $directoryId) { id } }`;

export interface StaffMember {
  directoryId: string;
  name: string;
  title: string;
  agency: string;
  unit: string;
  email: string | null;
}

/** Searches an agency's catalogue by unit and name; the results are the caller's to choose from. */
export async function searchStaff(agency: string, unit: string, name: string): Promise<StaffMember[]> {
  const data = await graphql<{ staffDirectory: StaffMember[] }>(SEARCH, {
    agency,
    unit: unit || null,
    name: name || null,
  });
  return data.staffDirectory;
}

/** Adds staff to the SIP from their agency's catalogue: found by unit and name, never by a login id. */
export function AddStaff({ sipId, onAdded }: { sipId: string; onAdded: () => void }) {
  const [agency, setAgency] = useState('HEALTH_CARE');
  const [unit, setUnit] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<StaffMember[] | null>(null);
  const { problem, act } = useAction();
  const search = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      setFound(await searchStaff(agency, unit, name));
    });
  };
  const add = (member: StaffMember) => {
    void act(async () => {
      await graphql(ADD, { sipId, agency: member.agency, directoryId: member.directoryId });
      setFound(null);
      onAdded();
    });
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} id="add-staff">
          Lägg till personal
        </Title>
        <form onSubmit={search} aria-labelledby="add-staff">
          <Stack gap="xs">
            <NativeSelect
              label="Verksamhet"
              data={Object.entries(AGENCIES).map(([value, label]) => ({ value, label }))}
              value={agency}
              onChange={(event) => setAgency(event.currentTarget.value)}
            />
            <Group grow wrap="wrap">
              <TextInput label="Enhet" value={unit} onChange={(event) => setUnit(event.currentTarget.value)} />
              <TextInput label="Namn" value={name} onChange={(event) => setName(event.currentTarget.value)} />
            </Group>
            <Group>
              <Button type="submit" variant="light">
                Sök i katalogen
              </Button>
            </Group>
          </Stack>
        </form>
        <ProblemAlert problem={problem} />
        {found?.length === 0 && <Text>Ingen i katalogen stämmer med sökningen.</Text>}
        {found?.map((member) => (
          <Group key={member.directoryId} justify="space-between" wrap="wrap">
            <Text size="sm">
              {member.name}, {member.title}, {member.unit}
            </Text>
            <Button size="xs" onClick={() => add(member)} aria-label={`Lägg till ${member.name}`}>
              Lägg till
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
