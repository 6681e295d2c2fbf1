import {
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { day } from '../../../web/dates.ts';
import { ProblemAlert, useAction } from '../../../web/use-action.tsx';
import { graphql, signedInAs, tokenStore, useQuery } from '../api.ts';
import { searchStaff, type StaffMember } from './AddStaff.tsx';
import { AGENCIES } from '../../../console/src/words.ts';

const FIELDS = `id agency unit invitedAt answerBy overdue forwardedFromUnit sipId childName questions forwardNote
  invitedBy { name unit phone email }
  answer { kind attendee { name } forwardedToUnit note answeredBy answeredAt }`;
const INBOX = `{ waiting: unitInvitations { ${FIELDS} } answered: unitInvitations(answered: true) { ${FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!, $input: AcceptInvitationInput!) {
  acceptInvitation(invitationId: $id, input: $input) { id } }`;
const FORWARD = `mutation ($id: ID!, $unit: String!, $note: String!) { forwardInvitation(invitationId: $id, unit: $unit,
  note: $note) { id } }`;
const DECLINE = `mutation ($id: ID!, $reason: String!) {
  declineInvitation(invitationId: $id, reason: $reason) { id } }`;

interface Invitation {
  id: string;
  agency: string;
  unit: string;
  answerBy: string;
  overdue: boolean;
  forwardedFromUnit: string | null;
  childName: string;
  questions: string[];
  forwardNote: string | null;
  invitedBy: { name: string; unit: string | null; phone: string | null; email: string | null };
  answer: {
    kind: string;
    attendee: { name: string } | null;
    forwardedToUnit: string | null;
    note: string | null;
    answeredBy: string;
    answeredAt: string;
  } | null;
}

type Answering = 'accept' | 'forward' | 'decline' | null;

/** The three answers a unit gives, each a small form; what was typed stays while the form is open. */
function AnswerForms({ invitation, onAnswered }: { invitation: Invitation; onAnswered: () => void }) {
  const [answering, setAnswering] = useState<Answering>(null);
  const [values, setValues] = useState({ title: '', phone: '', email: '', unit: '', note: '', reason: '' });
  const { problem, act } = useAction();
  // Who attends: the one answering, or a colleague of the invited unit from the agency's catalogue.
  const [colleagues, setColleagues] = useState<StaffMember[]>([]);
  const [attendee, setAttendee] = useState('');
  useEffect(() => {
    if (answering !== 'accept') return;
    searchStaff(invitation.agency, invitation.unit, '').then(
      (found) => setColleagues(found.filter((member) => member.directoryId !== signedInAs(tokenStore.get()).sub)),
      () => setColleagues([]),
    );
  }, [answering, invitation.agency, invitation.unit]);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setValues({ ...values, [name]: event.currentTarget.value }),
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      if (answering === 'accept')
        await graphql(ACCEPT, {
          id: invitation.id,
          input: attendee
            ? { attendeeDirectoryId: attendee }
            : { title: values.title, phone: values.phone || null, email: values.email || null },
        });
      if (answering === 'forward') await graphql(FORWARD, { id: invitation.id, unit: values.unit, note: values.note });
      if (answering === 'decline') await graphql(DECLINE, { id: invitation.id, reason: values.reason });
      onAnswered();
    });
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant={answering === 'accept' ? 'filled' : 'light'} onClick={() => setAnswering('accept')}>
          Vi kommer
        </Button>
        <Button variant={answering === 'forward' ? 'filled' : 'light'} onClick={() => setAnswering('forward')}>
          Skicka vidare
        </Button>
        <Button variant={answering === 'decline' ? 'filled' : 'light'} onClick={() => setAnswering('decline')}>
          Tacka nej
        </Button>
      </Group>
      {answering && (
        <form onSubmit={send}>
          <Stack gap="xs">
            {answering === 'accept' && (
              <>
                <NativeSelect
                  label="Vem kommer?"
                  data={[
                    { value: '', label: 'Jag' },
                    ...colleagues.map((c) => ({ value: c.directoryId, label: `${c.name}, ${c.title}` })),
                  ]}
                  value={attendee}
                  onChange={(event) => setAttendee(event.currentTarget.value)}
                />
                {attendee ? (
                  <Text size="sm">Hen blir deltagare i SIP:en och får kallelserna, som katalogen anger.</Text>
                ) : (
                  <>
                    <Text size="sm">Du blir deltagare i SIP:en och får kallelserna.</Text>
                    <TextInput label="Din yrkesroll" required {...field('title')} />
                    <TextInput label="Telefon" {...field('phone')} />
                    <TextInput label="E-post för kallelser" type="email" {...field('email')} />
                  </>
                )}
              </>
            )}
            {answering === 'forward' && (
              <>
                <TextInput label={`Enhet inom ${AGENCIES[invitation.agency] ?? ''}`} required {...field('unit')} />
                <Textarea label="Meddelande till enheten" required {...field('note')} />
              </>
            )}
            {answering === 'decline' && (
              <Textarea
                label="Varför ni inte kan vara med"
                description="Samordnaren och familjen läser det. Minst 20 tecken."
                required
                {...field('reason')}
              />
            )}
            <ProblemAlert problem={problem} />
            <Group>
              <Button type="submit">Skicka svaret</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** How the unit answered, in words. */
const answerWords = ({ answer }: Invitation) =>
  !answer
    ? ''
    : answer.kind === 'ACCEPTED'
      ? `Ni kommer: ${answer.attendee?.name ?? ''}`
      : answer.kind === 'FORWARDED'
        ? `Skickad vidare till ${answer.forwardedToUnit}`
        : `Ni tackade nej: ”${answer.note}”`;

function InvitationCard({ invitation, onAnswered }: { invitation: Invitation; onAnswered?: () => void }) {
  const { invitedBy } = invitation;
  return (
    <Card withBorder component="article" aria-label={`Inbjudan: ${invitation.childName}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={700}>{invitation.childName}</Text>
          {invitation.overdue ? (
            <Badge color="red">Försenad: svar senast {day(invitation.answerBy)}</Badge>
          ) : (
            !invitation.answer && <Text size="sm">Svara senast {day(invitation.answerBy)}</Text>
          )}
        </Group>
        <List size="sm">
          {invitation.questions.map((question) => (
            <List.Item key={question}>{question}</List.Item>
          ))}
        </List>
        <Text size="sm">
          Inbjuden av {invitedBy.name}
          {invitedBy.unit && `, ${invitedBy.unit}`}
          {invitedBy.phone && `, ${invitedBy.phone}`}
          {invitedBy.email && `, ${invitedBy.email}`}
        </Text>
        {invitation.forwardedFromUnit && (
          <Text size="sm">
            Vidareskickad från {invitation.forwardedFromUnit}: ”{invitation.forwardNote}”
          </Text>
        )}
        {invitation.answer ? (
          <Text size="sm">
            {answerWords(invitation)} ({invitation.answer.answeredBy}, {day(invitation.answer.answeredAt)})
          </Text>
        ) : (
          onAnswered && <AnswerForms invitation={invitation} onAnswered={onAnswered} />
        )}
      </Stack>
    </Card>
  );
}

/** The unit's inbox: invitations to SIPs the families agreed to, waiting ones first, then those answered. */
export function InboxPage() {
  const [version, setVersion] = useState(0);
  const { data, error } = useQuery<{ waiting: Invitation[]; answered: Invitation[] }>(INBOX, {}, version);
  if (error) return <ProblemAlert problem={error} />;
  if (!data) return <Loader aria-label="Hämtar" />;
  return (
    <Stack>
      <Title order={1}>Inkorg</Title>
      <Text>Inbjudningar till din enhet. Svara så att samordnaren vet vem som kommer.</Text>
      <section aria-labelledby="waiting">
        <Title order={2} id="waiting">
          Väntar på svar
        </Title>
        {data.waiting.length === 0 && <Text>Inga inbjudningar väntar.</Text>}
        <Stack gap="sm">
          {data.waiting.map((invitation) => (
            <InvitationCard key={invitation.id} invitation={invitation} onAnswered={() => setVersion(version + 1)} />
          ))}
        </Stack>
      </section>
      {data.answered.length > 0 && (
        <section aria-labelledby="answered">
          <Title order={2} id="answered">
            Besvarade
          </Title>
          <Stack gap="sm">
            {data.answered.map((invitation) => (
              <InvitationCard key={invitation.id} invitation={invitation} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
