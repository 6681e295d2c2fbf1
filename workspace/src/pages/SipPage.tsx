import {
  Alert,
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
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { day } from '../../../web/dates.ts';
import { AGENCIES } from '../../../console/src/words.ts';
import { useQuery } from '../api.ts';
import { StepItem, type Step } from './WorklistPage.tsx';
import { MeetingsSection, type FollowedIntervention, type Meeting, type Participant } from './MeetingsSection.tsx';
import { AddStaff } from './AddStaff.tsx';
import { PLAN_CONTENT, PlanEditor, type PlanContent } from './PlanEditor.tsx';
import { MEETING_KINDS } from '../../../web/sip-words.ts';
import { when } from '../../../web/dates.ts';
import { ProblemAlert, useAction } from '../../../web/use-action.tsx';
import { graphql } from '../api.ts';

const SIP = `query ($id: ID!) { sip(id: $id) { id status questions
  child { givenName familyName }
  coordinator { name }
  familyWishes { place time breaks interpreterLanguage notesDelivery }
  nextSteps { kind text daysWaiting overdue }
  participants { id kind name title agency unit phone email removedAt }
  invitations { id agency unit answerBy overdue forwardedFromUnit
    answer { kind attendee { name } forwardedToUnit note answeredBy } }
  meetings { id kind startsAt endsAt mode place link heldAt cancelledAt cancellationReason
    chair { id name } invited { id name } attended { id name } absent { id name }
    summonses { id kind sentAt recipient { name } delivery { state address attempts lastError } } }
  currentVersion { id number fullySigned awaitingSignatureFrom { name } ${PLAN_CONTENT}
    followed: interventions { id what } }
} }`;
const SIGN = `mutation ($id: ID!) { signPlanVersion(versionId: $id) { id } }`;
const PDF = `query ($id: ID!) { sip(id: $id) { currentVersion { number pdf } } }`;

interface Sip {
  id: string;
  status: string;
  questions: string[];
  child: { givenName: string; familyName: string };
  coordinator: { name: string };
  familyWishes: Record<string, string | null>;
  nextSteps: Step[];
  participants: Array<Participant & { removedAt: string | null }>;
  invitations: Array<{
    id: string;
    agency: string;
    unit: string;
    answerBy: string;
    overdue: boolean;
    forwardedFromUnit: string | null;
    answer: {
      kind: string;
      attendee: { name: string } | null;
      forwardedToUnit: string | null;
      note: string | null;
      answeredBy: string;
    } | null;
  }>;
  meetings: Meeting[];
  currentVersion:
    | (PlanContent & {
        id: string;
        number: number;
        fullySigned: boolean;
        followed: FollowedIntervention[];
        awaitingSignatureFrom: Array<{ name: string }>;
      })
    | null;
}

const STATUSES: Record<string, string> = {
  AWAITING_FAMILY: 'väntar på familjens svar',
  ACTIVE: 'pågår',
  CLOSED: 'avslutad',
};
const WISHES: Record<string, string> = {
  place: 'Plats',
  time: 'Tid',
  breaks: 'Pauser',
  interpreterLanguage: 'Tolk',
  notesDelivery: 'Anteckningar skickas',
};

const INVITE = `mutation ($sipId: ID!, $input: InvitationInput!) { inviteUnit(sipId: $sipId, input: $input) { id } }`;

/** Invites one more unit, e.g. after one declined: it answers in its inbox as the first ones did. */
function InviteUnit({ sipId, onInvited }: { sipId: string; onInvited: () => void }) {
  const [agency, setAgency] = useState('HEALTH_CARE');
  const [unit, setUnit] = useState('');
  const { problem, act } = useAction();
  const invite = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await graphql(INVITE, { sipId, input: { agency, unit } });
      setUnit('');
      onInvited();
    });
  };
  return (
    <form onSubmit={invite} aria-label="Bjud in en enhet">
      <Group align="flex-end" wrap="wrap" gap="xs">
        <NativeSelect
          label="Verksamhet att bjuda in"
          data={Object.entries(AGENCIES).map(([value, label]) => ({ value, label }))}
          value={agency}
          onChange={(event) => setAgency(event.currentTarget.value)}
        />
        <TextInput
          label="Enhet att bjuda in"
          required
          value={unit}
          onChange={(event) => setUnit(event.currentTarget.value)}
        />
        <Button type="submit" variant="light">
          Bjud in
        </Button>
      </Group>
      <ProblemAlert problem={problem} />
    </form>
  );
}

function Invitations({ invitations }: { invitations: Sip['invitations'] }) {
  return (
    <List>
      {invitations.map((invitation) => {
        const { answer } = invitation;
        return (
          <List.Item key={invitation.id}>
            <Group gap="xs" wrap="wrap">
              <Text>
                {invitation.unit} ({AGENCIES[invitation.agency] ?? invitation.agency}
                {invitation.forwardedFromUnit && `, vidareskickad från ${invitation.forwardedFromUnit}`}):
              </Text>
              {!answer && <Text>inte besvarad, svar senast {day(invitation.answerBy)}</Text>}
              {!answer && invitation.overdue && <Badge color="red">Försenad</Badge>}
              {answer?.kind === 'ACCEPTED' && <Text>kommer, {answer.attendee?.name}</Text>}
              {answer?.kind === 'FORWARDED' && <Text>skickade vidare till {answer.forwardedToUnit}</Text>}
              {answer?.kind === 'DECLINED' && <Text>tackade nej: ”{answer.note}”</Text>}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

function Participants({ participants }: { participants: Sip['participants'] }) {
  return (
    <List>
      {participants
        .filter((p) => !p.removedAt)
        .map((p) => (
          <List.Item key={p.id}>
            <Text fw={700} span>
              {p.name}
            </Text>
            , {[p.title, p.unit, p.phone, p.email].filter(Boolean).join(', ')}
          </List.Item>
        ))}
    </List>
  );
}

/** The plan: its version, signatures and copy, signing it, and writing the next version. */
function PlanSection({ sip, onChanged }: { sip: Sip; onChanged: () => void }) {
  const plan = sip.currentVersion;
  const [writing, setWriting] = useState(false);
  const { problem, act } = useAction();
  const sign = () =>
    act(async () => {
      await graphql(SIGN, { id: plan!.id });
      onChanged();
    });
  // The copy to file in the child's record: the PDF with every signature, opened in a new tab.
  const openPdf = () =>
    act(async () => {
      const { sip: withPdf } = await graphql<{ sip: { currentVersion: { pdf: string } } }>(PDF, { id: sip.id });
      const bytes = Uint8Array.from(atob(withPdf.currentVersion.pdf), (c) => c.charCodeAt(0));
      window.open(URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })), '_blank');
    });
  return (
    <section aria-labelledby="plan">
      <Stack gap="sm">
        <Title order={2} id="plan">
          Planen
        </Title>
        {plan ? (
          <Card withBorder>
            <Stack gap={6}>
              <Text>
                Version {plan.number}, uppföljning senast {day(plan.followUpOn)}.
              </Text>
              <Text>
                {plan.fullySigned
                  ? 'Alla har skrivit under.'
                  : `Väntar på underskrift av ${plan.awaitingSignatureFrom.map((p) => p.name).join(', ')}.`}
              </Text>
              <List size="sm">
                {plan.needs.map((need, i) => (
                  <List.Item key={i}>Behov: {need.text}</List.Item>
                ))}
                {plan.interventions.map((intervention, i) => (
                  <List.Item key={i}>
                    Insats: {intervention.what} ({intervention.unit}, {intervention.responsiblePerson})
                  </List.Item>
                ))}
              </List>
              <Group gap="xs">
                {!plan.fullySigned && (
                  <Button size="xs" onClick={sign}>
                    Skriv under
                  </Button>
                )}
                <Button size="xs" variant="light" onClick={openPdf}>
                  Öppna planen som PDF
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : (
          <Text>Ingen plan är skriven än.</Text>
        )}
        <ProblemAlert problem={problem} />
        {writing ? (
          <PlanEditor
            sipId={sip.id}
            current={plan}
            staff={sip.participants.filter((p) => p.kind === 'STAFF' && !p.removedAt)}
            heldMeetings={sip.meetings
              .filter((m) => m.heldAt && (m.kind === 'SIP_MEETING' || m.kind === 'FOLLOW_UP'))
              .map((m) => ({ id: m.id, label: `${MEETING_KINDS[m.kind] ?? m.kind}, ${when(m.startsAt)}` }))}
            onSaved={onChanged}
          />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setWriting(true)}>
              {plan ? 'Skriv en ny version' : 'Skriv planen'}
            </Button>
          </Group>
        )}
      </Stack>
    </section>
  );
}

/** One SIP as its coordinator works with it: what waits, who takes part, who answered, the meetings, the plan. */
export function SipPage({ sipId }: { sipId: string }) {
  const [version, setVersion] = useState(0);
  const { data, error } = useQuery<{ sip: Sip | null }>(SIP, { id: sipId }, version);
  if (error) return <ProblemAlert problem={error} />;
  if (!data) return <Loader aria-label="Hämtar" />;
  const { sip } = data;
  if (!sip) return <Alert role="alert">SIP:en finns inte.</Alert>;
  const wishes = Object.entries(sip.familyWishes).filter(([, value]) => value);
  return (
    <Stack>
      <Title order={1}>
        {sip.child.givenName} {sip.child.familyName}s SIP
      </Title>
      <Text>
        {STATUSES[sip.status] ?? sip.status} · samordnare {sip.coordinator.name}
      </Text>
      <List>
        {sip.questions.map((question) => (
          <List.Item key={question}>{question}</List.Item>
        ))}
      </List>
      <section aria-labelledby="next">
        <Title order={2} id="next">
          Att göra
        </Title>
        {sip.nextSteps.length === 0 ? (
          <Text>Inget väntar just nu.</Text>
        ) : (
          <List spacing={2}>
            {sip.nextSteps.map((step) => (
              <StepItem key={`${step.kind}${step.text}`} step={step} />
            ))}
          </List>
        )}
      </section>
      <section aria-labelledby="invited">
        <Title order={2} id="invited">
          Inbjudna enheter
        </Title>
        <Stack gap="sm">
          <Invitations invitations={sip.invitations} />
          <InviteUnit sipId={sip.id} onInvited={() => setVersion(version + 1)} />
        </Stack>
      </section>
      <section aria-labelledby="participants">
        <Title order={2} id="participants">
          Deltagare
        </Title>
        <Stack gap="sm">
          <Participants participants={sip.participants} />
          <AddStaff sipId={sip.id} onAdded={() => setVersion(version + 1)} />
        </Stack>
      </section>
      {wishes.length > 0 && (
        <section aria-labelledby="wishes">
          <Title order={2} id="wishes">
            Familjens önskemål
          </Title>
          <List>
            {wishes.map(([key, value]) => (
              <List.Item key={key}>
                {WISHES[key] ?? key}: {value}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <MeetingsSection
        sipId={sip.id}
        meetings={sip.meetings}
        participants={sip.participants.filter((p) => !p.removedAt)}
        interventions={sip.currentVersion?.followed ?? []}
        onChanged={() => setVersion(version + 1)}
      />
      <PlanSection sip={sip} onChanged={() => setVersion(version + 1)} />
    </Stack>
  );
}
