import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '../App.tsx';
import { graphql } from '../api.ts';
import { AGENCIES, MEETING_KINDS, SIP_STATUSES, day, when } from '../words.ts';
import { Section } from './ChildPage.tsx';
import { FeedbackForm, WishesForm, type Wishes } from './MeetingForms.tsx';

const SIPS = `query ($id: ID!) { child(id: $id) { sips { id status questions
  familyWishes { place time breaks interpreterLanguage notesDelivery } childViews { text writtenAt }
  invitations { id agency unit answerBy overdue answer { kind attendee { name } forwardedToUnit note } }
  versions { id number createdAt fullySigned }
  currentVersion { id number followUpOn fullySigned needs { text } goals { term description measure }
    interventions { what agency unit responsiblePerson frequency location } familyActions
    awaitingSignatureFrom { name } }
  meetings { id kind startsAt place link heldAt cancelledAt absent { name }
    summonses { id subject ics delivery { state address } } } } } }`;
const SIGN = `mutation ($id: ID!) { signPlanVersion(versionId: $id) { id fullySigned } }`;

interface Version {
  id: string;
  number: number;
  followUpOn: string;
  fullySigned: boolean;
  needs: Array<{ text: string }>;
  goals: Array<{ term: string; description: string; measure: string }>;
  interventions: Array<{ what: string; agency: string; unit: string; responsiblePerson: string; frequency: string }>;
  familyActions: string[];
  awaitingSignatureFrom: Array<{ name: string }>;
}
interface Meeting {
  id: string;
  kind: string;
  startsAt: string;
  place: string | null;
  link: string | null;
  heldAt: string | null;
  absent: Array<{ name: string }>;
  cancelledAt: string | null;
  summonses: Array<{ id: string; subject: string; ics: string; delivery: { state: string; address: string } | null }>;
}
interface InvitationAnswer {
  kind: string;
  attendee: { name: string } | null;
  forwardedToUnit: string | null;
  note: string | null;
}
interface Invitation {
  id: string;
  agency: string;
  unit: string;
  answerBy: string;
  overdue: boolean;
  answer: InvitationAnswer | null;
}
interface Sip {
  id: string;
  status: string;
  questions: string[];
  familyWishes: Wishes | null;
  childViews: Array<{ text: string; writtenAt: string }>;
  invitations: Invitation[];
  versions: Array<{ id: string; number: number; createdAt: string; fullySigned: boolean }>;
  currentVersion: Version | null;
  meetings: Meeting[];
}

/** How an invited unit answered, as the family reads it. */
function invitationWords({ answer, answerBy, overdue }: Invitation): string {
  if (!answer)
    return overdue ? `har inte svarat, fast de skulle ha svarat ${day(answerBy)}` : `svarar senast ${day(answerBy)}`;
  if (answer.kind === 'ACCEPTED') return `kommer, ${answer.attendee?.name ?? 'namn saknas'} är med`;
  if (answer.kind === 'FORWARDED') return `skickade inbjudan vidare till ${answer.forwardedToUnit}`;
  return `kan inte vara med: ”${answer.note}”`;
}

function Plan({ version, onSigned }: { version: Version; onSigned: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const sign = async () => {
    try {
      await graphql(SIGN, { id: version.id });
      setMessage({ ok: true, text: 'Tack! Du har skrivit under planen.' });
      onSigned();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3}>Planen, version {version.number}</Title>
      <Text fw={700}>Det här behöver barnet</Text>
      <List>
        {version.needs.map((need) => (
          <List.Item key={need.text}>{need.text}</List.Item>
        ))}
      </List>
      <Text fw={700}>Målen</Text>
      <List>
        {version.goals.map((goal) => (
          <List.Item key={goal.description}>
            {goal.term === 'SHORT' ? 'Snart: ' : 'På lång sikt: '}
            {goal.description} (vi ser det på: {goal.measure})
          </List.Item>
        ))}
      </List>
      <Text fw={700}>Det här gör verksamheterna</Text>
      <List>
        {version.interventions.map((i) => (
          <List.Item key={i.what}>
            {i.what}, {i.frequency}. {i.responsiblePerson}, {AGENCIES[i.agency] ?? i.agency} ({i.unit}).
          </List.Item>
        ))}
      </List>
      {version.familyActions.length > 0 && (
        <>
          <Text fw={700}>Det här gör ni själva</Text>
          <List>
            {version.familyActions.map((action) => (
              <List.Item key={action}>{action}</List.Item>
            ))}
          </List>
        </>
      )}
      <Text>Vi följer upp planen senast {day(version.followUpOn)}.</Text>
      {version.fullySigned ? (
        <Text>Alla har skrivit under.</Text>
      ) : (
        <>
          <Text>Väntar på underskrift av: {version.awaitingSignatureFrom.map((p) => p.name).join(', ')}.</Text>
          <Group>
            <Button onClick={sign}>Skriv under planen</Button>
          </Group>
        </>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}

function Meetings({ meetings }: { meetings: Meeting[] }) {
  const coming = meetings.filter((m) => !m.heldAt && !m.cancelledAt);
  const lastHeld = meetings.filter((m) => m.heldAt).at(-1);
  return (
    <Stack gap="xs">
      {lastHeld && (
        <Card withBorder>
          <Text size="sm">
            Senaste mötet: {MEETING_KINDS[lastHeld.kind] ?? lastHeld.kind}, {when(lastHeld.startsAt)}
          </Text>
          {lastHeld.absent.length > 0 && (
            <Text size="sm">Kom inte fast de var kallade: {lastHeld.absent.map((p) => p.name).join(', ')}</Text>
          )}
          <FeedbackForm meetingId={lastHeld.id} />
        </Card>
      )}
      {coming.length === 0 && <Text>Inga möten är bokade.</Text>}
      {coming.length > 0 && <Title order={3}>Möten som kommer</Title>}
      {coming.map((meeting) => (
        <Card key={meeting.id} withBorder>
          <Text fw={700}>
            {MEETING_KINDS[meeting.kind] ?? meeting.kind}, {when(meeting.startsAt)}
          </Text>
          {meeting.place && <Text>Plats: {meeting.place}</Text>}
          {meeting.link && <Text>Länk: {meeting.link}</Text>}
          {meeting.summonses.slice(-1).map((summons) => (
            <Stack key={summons.id} gap={2}>
              <Anchor
                href={`data:text/calendar;charset=utf-8,${encodeURIComponent(summons.ics)}`}
                download="kallelse.ics"
              >
                Lägg in mötet i kalendern
              </Anchor>
              {summons.delivery && (
                <Text size="sm">
                  {summons.delivery.state === 'SENT'
                    ? `Kallelsen skickades till ${summons.delivery.address}.`
                    : summons.delivery.state === 'FAILED'
                      ? `Kallelsen kom inte fram till ${summons.delivery.address}. Hör av dig till samordnaren.`
                      : `Kallelsen skickas till ${summons.delivery.address}.`}
                </Text>
              )}
            </Stack>
          ))}
        </Card>
      ))}
    </Stack>
  );
}

/** The child's SIPs: what it is about, the plan (and signing it), and the meetings to come. */
export function SipSection({ childId }: { childId: string }) {
  const [version, setVersion] = useState(0);
  const { data, error } = useQuery<{ child: { sips: Sip[] } }>(SIPS, { id: childId }, version);
  const sips = data?.child.sips ?? [];
  return (
    <Section title="Samordnad individuell plan (SIP)" error={error} loading={!data}>
      {sips.length === 0 && <Text>Det finns ingen SIP för barnet. Längre ner kan ni be om en.</Text>}
      {sips.map((sip) => (
        <Card key={sip.id} withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <Badge variant="light">{SIP_STATUSES[sip.status] ?? sip.status}</Badge>
            </Group>
            <Text fw={700}>Det här ska SIP:en hjälpa till med</Text>
            <List>
              {sip.questions.map((question) => (
                <List.Item key={question}>{question}</List.Item>
              ))}
            </List>
            <Text fw={700}>Inbjudna verksamheter</Text>
            <List>
              {sip.invitations.map((invitation) => (
                <List.Item key={invitation.id}>
                  {invitation.unit} ({AGENCIES[invitation.agency] ?? invitation.agency}): {invitationWords(invitation)}
                </List.Item>
              ))}
            </List>
            {sip.childViews.length > 0 && (
              <Stack gap={4}>
                <Text fw={700}>Det här har barnet velat att du ska läsa</Text>
                {sip.childViews.map((view) => (
                  <Text key={view.writtenAt}>
                    ”{view.text}” ({when(view.writtenAt)})
                  </Text>
                ))}
              </Stack>
            )}
            {sip.currentVersion ? (
              <Plan version={sip.currentVersion} onSigned={() => setVersion((v) => v + 1)} />
            ) : (
              <Text>Planen är inte skriven ännu.</Text>
            )}
            {sip.versions.length > 1 && (
              <Stack gap={4}>
                <Text fw={700}>Alla versioner av planen</Text>
                <List>
                  {sip.versions.map((v) => (
                    <List.Item key={v.id}>
                      Version {v.number}, {day(v.createdAt)}:{' '}
                      {v.fullySigned ? 'underskriven av alla' : 'inte underskriven av alla'}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
            <Meetings meetings={sip.meetings} />
            {sip.status !== 'CLOSED' && <WishesForm sipId={sip.id} wishes={sip.familyWishes} />}
          </Stack>
        </Card>
      ))}
    </Section>
  );
}
