import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useQuery } from '../App.tsx';
import { draftStore, graphql } from '../api.ts';
import { AGENCIES, REQUEST_STATUSES, day } from '../words.ts';
import { Section } from './ChildPage.tsx';

const REQUESTS = `query ($id: ID!) { sipRequests(childId: $id) { id needs agencies status requestedAt
  answer { accepted reason answeredBy unit howToComplain } } }`;
const ASK = `mutation ($input: SipRequestInput!) { requestSip(input: $input) { id status } }`;

interface Request {
  id: string;
  needs: string;
  agencies: string[];
  status: string;
  requestedAt: string;
  answer: {
    accepted: boolean;
    reason: string | null;
    answeredBy: string;
    unit: string;
    howToComplain: string | null;
  } | null;
}

function AskForm({ childId, onAsked }: { childId: string; onAsked: () => void }) {
  const draft = `request:${childId}`;
  const [needs, setNeedsState] = useState(() => draftStore.get(draft));
  const setNeeds = (value: string) => {
    setNeedsState(value);
    draftStore.set(draft, value);
  };
  const [agencies, setAgencies] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await graphql(ASK, { input: { childId, needs, agencies } });
      setNeeds('');
      setAgencies([]);
      setProblem(null);
      onAsked();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text>
          En SIP är en plan där skola, socialtjänst och vård samarbetar runt barnet. Ni kan be om en när barnet får stöd
          från fler än en verksamhet. Verksamheterna får bara säga nej i undantagsfall, och då ska de förklara varför.
        </Text>
        <Textarea
          label="Vad behöver ni hjälp med?"
          description="Skriv med egna ord."
          value={needs}
          onChange={(event) => setNeeds(event.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Checkbox.Group label="Vilka är inblandade?" value={agencies} onChange={setAgencies}>
          <Stack gap={6} mt={6}>
            {Object.entries(AGENCIES).map(([agency, name]) => (
              <Checkbox key={agency} value={agency} label={name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit">Skicka förfrågan</Button>
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

/** Asking for a SIP, and the answers to earlier requests (a refusal with its reason and how to complain). */
export function RequestSection({ childId }: { childId: string }) {
  const [version, setVersion] = useState(0);
  const { data, error } = useQuery<{ sipRequests: Request[] }>(REQUESTS, { id: childId }, version);
  return (
    <Section title="Be om en SIP" error={error} loading={!data}>
      {data?.sipRequests.map((request) => (
        <Card key={request.id} withBorder>
          <Stack gap={6}>
            <Group gap="xs">
              <Badge variant="light" color={request.status === 'REFUSED' ? 'red' : 'blue'}>
                {REQUEST_STATUSES[request.status] ?? request.status}
              </Badge>
              <Text size="sm">Skickad {day(request.requestedAt)}</Text>
            </Group>
            <Text>{request.needs}</Text>
            <Text size="sm">Till: {request.agencies.map((a) => AGENCIES[a] ?? a).join(', ')}</Text>
            {request.answer && !request.answer.accepted && (
              <>
                <Text>
                  {request.answer.answeredBy} ({request.answer.unit}) svarade nej: {request.answer.reason}
                </Text>
                <Text>{request.answer.howToComplain}</Text>
              </>
            )}
          </Stack>
        </Card>
      ))}
      <AskForm childId={childId} onAsked={() => setVersion((v) => v + 1)} />
    </Section>
  );
}
