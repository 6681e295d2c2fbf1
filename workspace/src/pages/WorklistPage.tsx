import { Alert, Badge, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../web/use-action.tsx';
import { useQuery } from '../api.ts';
import { RequestAnswer } from './RequestAnswer.tsx';
import { Link } from '../App.tsx';
import { AGENCIES } from '../../../console/src/words.ts';

const WORKLIST = `{
  mySips { id status questions child { givenName familyName } coordinator { name }
    nextSteps { kind text daysWaiting overdue } }
  unitInvitationCounts { waiting overdue }
  sipRequestWorklist { id childName needs agencies daysWaiting }
}`;

export interface Step {
  kind: string;
  text: string;
  daysWaiting: number;
  overdue: boolean;
}
interface Worklist {
  mySips: Array<{
    id: string;
    status: string;
    questions: string[];
    child: { givenName: string; familyName: string };
    coordinator: { name: string };
    nextSteps: Step[];
  }>;
  unitInvitationCounts: { waiting: number; overdue: number };
  sipRequestWorklist: Array<{ id: string; childName: string; needs: string; agencies: string[]; daysWaiting: number }>;
}

const days = (n: number) => (n === 1 ? '1 dag' : `${n} dagar`);

/** One thing to do, with how long it has waited; what is late says so in words as well as colour. */
export function StepItem({ step }: { step: Step }) {
  return (
    <List.Item>
      <Group gap="xs" wrap="wrap">
        <Text>{step.text}</Text>
        {step.overdue && <Badge color="red">Försenad</Badge>}
        <Text size="sm" c="dimmed">
          väntat {days(step.daysWaiting)}
        </Text>
      </Group>
    </List.Item>
  );
}

/**
 * What needs doing: each of my SIPs with what it waits for (the late first), the invitations to my
 * unit, and the families' requests to my agency.
 */
export function WorklistPage() {
  const [version, setVersion] = useState(0);
  const { data, error } = useQuery<Worklist>(WORKLIST, {}, version);
  if (error) return <ProblemAlert problem={error} />;
  if (!data) return <Loader aria-label="Hämtar" />;
  const lateFirst = [...data.mySips].sort(
    (a, b) =>
      Number(b.nextSteps.some((s) => s.overdue)) - Number(a.nextSteps.some((s) => s.overdue)) ||
      b.nextSteps.length - a.nextSteps.length,
  );
  const { waiting, overdue: lateInvitations } = data.unitInvitationCounts;
  return (
    <Stack>
      <Title order={1}>Att göra</Title>
      {waiting > 0 && (
        <Alert color="blue" title="Inbjudningar till din enhet">
          <Text>
            {waiting === 1 ? '1 inbjudan väntar på svar' : `${waiting} inbjudningar väntar på svar`}
            {lateInvitations > 0 && `, ${lateInvitations} försenad${lateInvitations > 1 ? 'e' : ''}`}.{' '}
            <Link to="/samordning/inkorg">Till inkorgen</Link>
          </Text>
        </Alert>
      )}
      {data.sipRequestWorklist.length > 0 && (
        <section aria-labelledby="requests">
          <Title order={2} id="requests">
            Familjer som har bett om en SIP
          </Title>
          <Stack gap="xs">
            {data.sipRequestWorklist.map((request) => (
              <Card key={request.id} withBorder>
                <Text fw={700}>{request.childName}</Text>
                <Text>{request.needs}</Text>
                <Text size="sm">
                  Till: {request.agencies.map((a) => AGENCIES[a] ?? a).join(', ')} · har väntat{' '}
                  {days(request.daysWaiting)}
                </Text>
                <RequestAnswer request={request} onAnswered={() => setVersion(version + 1)} />
              </Card>
            ))}
          </Stack>
        </section>
      )}
      <section aria-labelledby="sips">
        <Title order={2} id="sips">
          Mina SIP:ar
        </Title>
        {lateFirst.length === 0 && <Text>Du är inte med i någon pågående SIP.</Text>}
        <Stack gap="sm">
          {lateFirst.map((sip) => (
            <Card key={sip.id} withBorder component="article" aria-label={`${sip.child.givenName}s SIP`}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap">
                  <Link to={`/samordning/sip/${sip.id}`}>
                    {sip.child.givenName} {sip.child.familyName}
                  </Link>
                  <Text size="sm">Samordnare: {sip.coordinator.name}</Text>
                </Group>
                <Text size="sm">{sip.questions[0]}</Text>
                {sip.nextSteps.length === 0 ? (
                  <Text size="sm">Inget väntar just nu.</Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {sip.nextSteps.map((step) => (
                      <StepItem key={`${step.kind}${step.text}`} step={step} />
                    ))}
                  </List>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
