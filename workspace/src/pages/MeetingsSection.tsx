import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CATEGORIES } from './PlanEditor.tsx';
import { when } from '../../../web/dates.ts';
import { MEETING_KINDS } from '../../../web/sip-words.ts';
import { ProblemAlert, useAction } from '../../../web/use-action.tsx';
import { graphql } from '../api.ts';

export interface Participant {
  id: string;
  kind: string;
  name: string;
  title: string | null;
  agency: string | null;
  unit: string | null;
  phone: string | null;
  email: string | null;
}
export interface Meeting {
  id: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  place: string | null;
  link: string | null;
  heldAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  chair: { id: string; name: string };
  invited: Array<{ id: string; name: string }>;
  attended: Array<{ id: string; name: string }>;
  absent: Array<{ id: string; name: string }>;
  summonses: Array<{
    id: string;
    kind: string;
    sentAt: string;
    recipient: { name: string };
    delivery: { state: string; address: string; attempts: number; lastError: string | null } | null;
  }>;
}

const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelMeeting(meetingId: $id, reason: $reason) { id } }`;
const MOVE = `mutation ($id: ID!, $input: MeetingTimeInput!) { rescheduleMeeting(meetingId: $id, input: $input) {
  id } }`;
const HELD = `mutation ($id: ID!, $attendedIds: [ID!]!, $notes: [PlanTextInput!],
  $followUps: [InterventionFollowUpInput!]) { recordMeetingHeld(meetingId: $id, attendedIds: $attendedIds,
  notes: $notes, followUps: $followUps) { id } }`;
const OUTCOMES: Record<string, string> = {
  WORKED: 'Fungerade',
  PARTLY: 'Fungerade delvis',
  DID_NOT_WORK: 'Fungerade inte',
};

/** An intervention of the current plan, as a follow-up meeting records what came of it. */
export interface FollowedIntervention {
  id: string;
  what: string;
}
type FollowUp = { interventionId: string; done: string; outcome: string; changes: string };

/**
 * What recording a meeting as held takes: who came, the notes (one section, in the category it comes
 * from), and at a follow-up what was done with each intervention of the plan and whether it worked.
 */
function HeldFields({
  meeting,
  interventions,
  came,
  setCame,
  notes,
  setNotes,
  followUps,
  setFollowUps,
}: {
  meeting: Meeting;
  interventions: FollowedIntervention[];
  came: string[];
  setCame: (ids: string[]) => void;
  notes: { text: string; category: string };
  setNotes: (notes: { text: string; category: string }) => void;
  followUps: FollowUp[];
  setFollowUps: (followUps: FollowUp[]) => void;
}) {
  const change = (i: number, patch: Partial<FollowUp>) =>
    setFollowUps(followUps.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <>
      <Checkbox.Group label="Vilka kom?" value={came} onChange={setCame}>
        <Stack gap={4} mt={4}>
          {meeting.invited.map((p) => (
            <Checkbox key={p.id} value={p.id} label={p.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label="Anteckningar från mötet"
        value={notes.text}
        onChange={(event) => setNotes({ ...notes, text: event.currentTarget.value })}
      />
      <NativeSelect
        label="Anteckningarnas kategori"
        data={CATEGORIES}
        value={notes.category}
        onChange={(event) => setNotes({ ...notes, category: event.currentTarget.value })}
      />
      {meeting.kind === 'FOLLOW_UP' &&
        interventions.map((intervention, i) => (
          <Stack key={intervention.id} gap={4}>
            <Text fw={700} size="sm">
              {intervention.what}
            </Text>
            <TextInput
              label={`Vad som gjordes: ${intervention.what}`}
              required
              value={followUps[i]?.done ?? ''}
              onChange={(event) => change(i, { done: event.currentTarget.value })}
            />
            <NativeSelect
              label={`Resultat: ${intervention.what}`}
              data={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))}
              value={followUps[i]?.outcome ?? 'WORKED'}
              onChange={(event) => change(i, { outcome: event.currentTarget.value })}
            />
            <TextInput
              label={`Vad som ändras: ${intervention.what}`}
              required
              value={followUps[i]?.changes ?? ''}
              onChange={(event) => change(i, { changes: event.currentTarget.value })}
            />
          </Stack>
        ))}
    </>
  );
}

const MODES: Record<string, string> = {
  IN_PERSON: 'På plats',
  DIGITAL: 'Digitalt',
  HYBRID: 'På plats och digitalt',
  PHONE: 'Telefon',
};
const DELIVERY: Record<string, string> = { QUEUED: 'köad', SENT: 'skickad', FAILED: 'gick inte fram' };

/** Where each summons went: by e-mail (its state, and why it failed), or to the app only. */
function Deliveries({ meeting }: { meeting: Meeting }) {
  const latest = new Map(meeting.summonses.map((summons) => [summons.recipient.name, summons]));
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        Kallelser
      </Text>
      {[...latest.values()].map((summons) => (
        <Text size="sm" key={summons.id}>
          {summons.recipient.name}:{' '}
          {summons.delivery
            ? `e-post till ${summons.delivery.address}, ${DELIVERY[summons.delivery.state] ?? summons.delivery.state}` +
              (summons.delivery.lastError ? ` (${summons.delivery.lastError})` : '')
            : 'i appen'}
        </Text>
      ))}
    </Stack>
  );
}

/** When a meeting is, as the form fields hold it; each move summons everyone invited again. */
function TimeFields({
  time,
  onChange,
}: {
  time: Record<TimeKey, string>;
  onChange: (time: Record<TimeKey, string>) => void;
}) {
  const field = (name: TimeKey) => ({
    value: time[name],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ ...time, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <Group grow wrap="wrap">
        <TextInput label="Börjar" type="datetime-local" required {...field('startsAt')} />
        <TextInput label="Slutar" type="datetime-local" required {...field('endsAt')} />
      </Group>
      <NativeSelect
        label="Hur"
        data={Object.entries(MODES).map(([value, label]) => ({ value, label }))}
        {...field('mode')}
      />
      <TextInput label="Plats" {...field('place')} />
      <TextInput label="Länk" {...field('link')} />
    </>
  );
}
type TimeKey = 'startsAt' | 'endsAt' | 'mode' | 'place' | 'link';
const localTime = (iso: string) => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
/** The time fields as the graph takes them; an unfilled time is said in words. */
const timeInput = (time: Record<TimeKey, string>) => {
  if (!time.startsAt || !time.endsAt) throw new Error('Ange när mötet börjar och slutar.');
  return {
    startsAt: new Date(time.startsAt).toISOString(),
    endsAt: new Date(time.endsAt).toISOString(),
    mode: time.mode,
    place: time.place || null,
    link: time.link || null,
  };
};

/** The actions on a meeting still to come: move it, record it as held (who came), or call it off with a reason. */
function MeetingActions({
  meeting,
  interventions,
  onChanged,
}: {
  meeting: Meeting;
  interventions: FollowedIntervention[];
  onChanged: () => void;
}) {
  const [doing, setDoing] = useState<'move' | 'held' | 'cancel' | null>(null);
  const [time, setTime] = useState<Record<TimeKey, string>>({
    startsAt: localTime(meeting.startsAt),
    endsAt: localTime(meeting.endsAt),
    mode: meeting.mode,
    place: meeting.place ?? '',
    link: meeting.link ?? '',
  });
  const [came, setCame] = useState<string[]>(meeting.invited.map((p) => p.id));
  const [notes, setNotes] = useState({ text: '', category: 'SHARED' });
  const [followUps, setFollowUps] = useState<FollowUp[]>(
    interventions.map((i) => ({ interventionId: i.id, done: '', outcome: 'WORKED', changes: '' })),
  );
  const [reason, setReason] = useState('');
  const { problem, act } = useAction();
  const send = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      if (doing === 'move') await graphql(MOVE, { id: meeting.id, input: timeInput(time) });
      else if (doing === 'held')
        await graphql(HELD, {
          id: meeting.id,
          attendedIds: came,
          notes: notes.text.trim() ? [{ text: notes.text, category: notes.category }] : [],
          followUps: meeting.kind === 'FOLLOW_UP' ? followUps : [],
        });
      else await graphql(CANCEL, { id: meeting.id, reason });
      setDoing(null);
      onChanged();
    });
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => setDoing('move')}>
          Flytta
        </Button>
        <Button size="xs" variant="light" onClick={() => setDoing('held')}>
          Anteckna att mötet hölls
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => setDoing('cancel')}>
          Ställ in
        </Button>
      </Group>
      {doing && (
        <form onSubmit={send}>
          <Stack gap="xs">
            {doing === 'move' ? (
              <TimeFields time={time} onChange={setTime} />
            ) : doing === 'held' ? (
              <HeldFields {...{ meeting, interventions, came, setCame, notes, setNotes, followUps, setFollowUps }} />
            ) : (
              <TextInput
                label="Varför mötet ställs in"
                description="Alla kallade får veta det."
                required
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
            )}
            <ProblemAlert problem={problem} />
            <Group>
              <Button type="submit" size="xs">
                {doing === 'move' ? 'Flytta och kalla igen' : doing === 'held' ? 'Spara närvaron' : 'Ställ in mötet'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function MeetingCard({
  meeting,
  interventions,
  onChanged,
}: {
  meeting: Meeting;
  interventions: FollowedIntervention[];
  onChanged: () => void;
}) {
  const kind = MEETING_KINDS[meeting.kind] ?? meeting.kind;
  return (
    <Card withBorder component="article" aria-label={`${kind} ${when(meeting.startsAt)}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={700}>
            {kind}, {when(meeting.startsAt)}
          </Text>
          {meeting.heldAt && <Badge color="teal.9">Hållet</Badge>}
          {meeting.cancelledAt && <Badge color="gray.8">Inställt</Badge>}
        </Group>
        <Text size="sm">
          {MODES[meeting.mode] ?? meeting.mode}
          {meeting.place && `, ${meeting.place}`}
          {meeting.link && `, ${meeting.link}`} · ordförande {meeting.chair.name}
        </Text>
        {meeting.cancelledAt && <Text size="sm">Inställt: {meeting.cancellationReason}</Text>}
        {meeting.heldAt && (
          <Text size="sm">
            Kom: {meeting.attended.map((p) => p.name).join(', ')}
            {meeting.absent.length > 0 && `. Kom inte: ${meeting.absent.map((p) => p.name).join(', ')}`}
          </Text>
        )}
        <Deliveries meeting={meeting} />
        {!meeting.heldAt && !meeting.cancelledAt && (
          <MeetingActions meeting={meeting} interventions={interventions} onChanged={onChanged} />
        )}
      </Stack>
    </Card>
  );
}

/** Books a meeting: everyone taking part is invited unless unticked, and each is summoned. */
function BookMeeting({
  sipId,
  participants,
  onBooked,
}: {
  sipId: string;
  participants: Participant[];
  onBooked: () => void;
}) {
  const staff = participants.filter((p) => p.kind === 'STAFF');
  const [form, setForm] = useState({ kind: 'SIP_MEETING', chairId: staff[0]?.id ?? '', secretaryId: '' });
  const [time, setTime] = useState<Record<TimeKey, string>>({
    startsAt: '',
    endsAt: '',
    mode: 'IN_PERSON',
    place: '',
    link: '',
  });
  // The agencies' pre-meeting is held without the family; every other meeting invites everyone taking part.
  const invitable = (kind: string) =>
    participants.filter((p) => kind !== 'AGENCY_PRE_MEETING' || p.kind === 'STAFF').map((p) => p.id);
  const [invited, setInvited] = useState(invitable(form.kind));
  const { problem, act } = useAction();
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => setForm({ ...form, [name]: event.currentTarget.value }),
  });
  const book = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await graphql(SCHEDULE, {
        input: {
          sipId,
          kind: form.kind,
          ...timeInput(time),
          chairId: form.chairId,
          secretaryId: form.secretaryId || null,
          invitedIds: invited,
        },
      });
      onBooked();
    });
  };
  const staffOptions = staff.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Card withBorder>
      <form onSubmit={book} aria-labelledby="book">
        <Stack gap="xs">
          <Title order={3} id="book">
            Boka möte
          </Title>
          <NativeSelect
            label="Slags möte"
            data={Object.entries(MEETING_KINDS).map(([value, label]) => ({ value, label }))}
            value={form.kind}
            onChange={(event) => {
              setForm({ ...form, kind: event.currentTarget.value });
              setInvited(invitable(event.currentTarget.value));
            }}
          />
          <TimeFields time={time} onChange={setTime} />
          <NativeSelect label="Ordförande" data={staffOptions} {...field('chairId')} />
          <NativeSelect
            label="Sekreterare"
            data={[{ value: '', label: 'Ingen' }, ...staffOptions]}
            {...field('secretaryId')}
          />
          <Checkbox.Group label="Kallas" value={invited} onChange={setInvited}>
            <Stack gap={4} mt={4}>
              {participants.map((p) => (
                <Checkbox key={p.id} value={p.id} label={`${p.name} (${p.title ?? ''})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ProblemAlert problem={problem} />
          <Group>
            <Button type="submit">Boka och kalla</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The SIP's meetings, the ones to come first, and booking a new one. */
export function MeetingsSection({
  sipId,
  meetings,
  participants,
  interventions,
  onChanged,
}: {
  sipId: string;
  meetings: Meeting[];
  participants: Participant[];
  /** The current plan's interventions the requester sees, which a follow-up meeting records the outcome of. */
  interventions: FollowedIntervention[];
  onChanged: () => void;
}) {
  const open = meetings.filter((m) => !m.heldAt && !m.cancelledAt);
  const past = meetings.filter((m) => m.heldAt || m.cancelledAt).reverse();
  return (
    <section aria-labelledby="meetings">
      <Stack gap="sm">
        <Title order={2} id="meetings">
          Möten
        </Title>
        {open.length === 0 && <Text>Inga möten är bokade.</Text>}
        {[...open, ...past].map((meeting) => (
          <MeetingCard key={meeting.id} meeting={meeting} interventions={interventions} onChanged={onChanged} />
        ))}
        <BookMeeting sipId={sipId} participants={participants} onBooked={onChanged} />
      </Stack>
    </section>
  );
}
