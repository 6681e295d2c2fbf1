import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AGENCIES } from '../../../console/src/words.ts';
import { ProblemAlert, useAction } from '../../../web/use-action.tsx';
import { graphql, signedInAs, tokenStore } from '../api.ts';
import { navigate } from '../App.tsx';

const ACCEPT = `mutation ($id: ID!, $input: InitiativeInput!) {
  acceptSipRequest(requestId: $id, input: $input) { id } }`;
const REFUSE = `mutation ($id: ID!, $reason: String!) { refuseSipRequest(requestId: $id, reason: $reason) { id } }`;

export interface FamilyRequest {
  id: string;
  childName: string;
  needs: string;
  agencies: string[];
  daysWaiting: number;
}

/**
 * A family's request answered from the worklist: started as a SIP (the question, the units of the
 * other agencies invited, the one starting it), or, only in exceptional cases, refused with a reason
 * the family reads with how to complain.
 */
export function RequestAnswer({ request, onAnswered }: { request: FamilyRequest; onAnswered: () => void }) {
  const ownAgency = signedInAs(tokenStore.get()).agency;
  const others = Object.keys(AGENCIES).filter((agency) => agency !== ownAgency);
  const [answering, setAnswering] = useState<'accept' | 'refuse' | null>(null);
  const [question, setQuestion] = useState(request.needs);
  const [units, setUnits] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const { problem, act } = useAction();
  const send = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      if (answering === 'refuse') {
        await graphql(REFUSE, { id: request.id, reason });
        onAnswered();
        return;
      }
      const invitations = others.flatMap((agency) => (units[agency]?.trim() ? [{ agency, unit: units[agency] }] : []));
      const { acceptSipRequest } = await graphql<{ acceptSipRequest: { id: string } }>(ACCEPT, {
        id: request.id,
        input: { questions: [question], invitations, initiatorTitle: title },
      });
      navigate(`/samordning/sip/${acceptSipRequest.id}`);
    });
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" variant={answering === 'accept' ? 'filled' : 'light'} onClick={() => setAnswering('accept')}>
          Starta SIP
        </Button>
        <Button
          size="xs"
          color="red"
          variant={answering === 'refuse' ? 'filled' : 'light'}
          onClick={() => setAnswering('refuse')}
        >
          Neka
        </Button>
      </Group>
      {answering && (
        <form onSubmit={send}>
          <Stack gap="xs">
            {answering === 'accept' ? (
              <>
                <Textarea
                  label="Frågeställning"
                  required
                  value={question}
                  onChange={(event) => setQuestion(event.currentTarget.value)}
                />
                <Text size="sm">Bjud in enheter från de andra verksamheterna (familjen har valt dem):</Text>
                {others.map((agency) => (
                  <TextInput
                    key={agency}
                    label={`Enhet inom ${AGENCIES[agency]}`}
                    description={
                      request.agencies.includes(agency) ? 'Familjen nämnde den här verksamheten.' : undefined
                    }
                    value={units[agency] ?? ''}
                    onChange={(event) => setUnits({ ...units, [agency]: event.currentTarget.value })}
                  />
                ))}
                <TextInput
                  label="Din yrkesroll"
                  required
                  value={title}
                  onChange={(event) => setTitle(event.currentTarget.value)}
                />
              </>
            ) : (
              <Textarea
                label="Varför förfrågan nekas"
                description="Bara i undantagsfall. Familjen läser det, med hur de kan klaga. Minst 20 tecken."
                required
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
            )}
            <ProblemAlert problem={problem} />
            <Group>
              <Button type="submit" size="xs">
                {answering === 'accept' ? 'Starta SIP:en' : 'Neka förfrågan'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
