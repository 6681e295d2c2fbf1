import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useQuery } from '../App.tsx';
import { graphql } from '../api.ts';
import { AGENCIES, SCOPES, day } from '../words.ts';
import { Section } from './ChildPage.tsx';

const BLOCKS = `query ($id: ID!) { blocks(childId: $id) { id scopes until reason placedAt liftedAt recordId
  fromUnits { agency unit } } }`;
const PLACE = `mutation ($input: PlaceBlockInput!) { placeBlock(input: $input) { id } }`;
const LIFT = `mutation ($id: ID!) { liftBlock(blockId: $id) { id } }`;

interface Block {
  id: string;
  scopes: string[];
  until: string | null;
  reason: string | null;
  placedAt: string;
  liftedAt: string | null;
  recordId: string | null;
  fromUnits: Array<{ agency: string; unit: string }>;
}

function PlaceForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const [scopes, setScopes] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await graphql(PLACE, { input: { childId, scopes, reason: reason || null } });
      onDone();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Checkbox.Group label="Vilka uppgifter ska ingen annan verksamhet få se?" value={scopes} onChange={setScopes}>
          <Stack gap={6} mt={6}>
            {Object.entries(SCOPES).map(([scope, name]) => (
              <Checkbox key={scope} value={scope} label={name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput label="Varför? (frivilligt)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group>
          <Button type="submit">Spärra</Button>
        </Group>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/**
 * Blocks (spärr): what the family keeps from every other agency, whatever any consent says, until
 * they lift it.
 */
export function BlocksSection({ childId }: { childId: string }) {
  const [version, setVersion] = useState(0);
  const [placing, setPlacing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data, error } = useQuery<{ blocks: Block[] }>(BLOCKS, { id: childId }, version);
  const reload = () => {
    setPlacing(false);
    setVersion((v) => v + 1);
  };
  const lift = async (id: string) => {
    try {
      await graphql(LIFT, { id });
      reload();
    } catch (failure) {
      setProblem((failure as Error).message);
    }
  };
  const inForce = (data?.blocks ?? []).filter((block) => !block.liftedAt);
  return (
    <Section title="Spärrar" error={error} loading={!data}>
      <Text size="sm">En spärr går före alla samtycken: de uppgifterna får ingen annan verksamhet se.</Text>
      {inForce.length === 0 && <Text>Ni har inga spärrar.</Text>}
      {inForce.map((block) => (
        <Card key={block.id} withBorder>
          <Stack gap={6}>
            <Group gap="xs">
              <Badge variant="filled" color="blue">
                Spärrat
              </Badge>
              <Text size="sm">sedan {day(block.placedAt)}</Text>
            </Group>
            <Text>
              {block.recordId ? 'En uppgift om ' : ''}
              {block.scopes.map((scope) => (SCOPES[scope] ?? scope).toLowerCase()).join(', ')}
              {block.fromUnits.length > 0
                ? `, för ${block.fromUnits.map((u) => `${u.unit} (${AGENCIES[u.agency] ?? u.agency})`).join(', ')}`
                : ', för alla andra verksamheter'}
              {block.until ? `, till ${day(block.until)}` : ''}.
            </Text>
            {block.reason && <Text size="sm">Ert skäl: {block.reason}</Text>}
            <Group>
              <Button variant="default" onClick={() => lift(block.id)}>
                Ta bort spärren
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {placing ? (
        <Card withBorder>
          <PlaceForm childId={childId} onDone={reload} />
        </Card>
      ) : (
        <Group>
          <Button variant="default" onClick={() => setPlacing(true)}>
            Spärra uppgifter
          </Button>
        </Group>
      )}
    </Section>
  );
}
