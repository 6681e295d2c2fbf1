import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { swedishTimeOfDay } from '../../../../lib/periods.ts';
import type { SummonsKind } from '../../../../prisma/sip/client/enums.ts';
import type { Tx } from '../../consent-authority/open-sip.ts';

/** Where a summons reaches its recipient: their apps read it from the graph (an adapter may also send it). */
export const GRAPH_CHANNEL = 'GRAPH';

const KIND_IN_SWEDISH: Record<string, string> = {
  FAMILY_PRE_MEETING: 'förmöte med familjen',
  AGENCY_PRE_MEETING: 'förmöte mellan verksamheterna',
  SIP_MEETING: 'SIP-möte',
  FOLLOW_UP: 'uppföljningsmöte',
};
const MODE_IN_SWEDISH: Record<string, string> = {
  IN_PERSON: 'på plats',
  DIGITAL: 'digitalt',
  PHONE: 'per telefon',
  HYBRID: 'på plats och digitalt',
};

const swedish = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const when = (startsAt: Date, endsAt: Date) =>
  `${swedish.format(startsAt)} kl. ${swedishTimeOfDay(startsAt)}–${swedishTimeOfDay(endsAt)}`;

type MeetingWithSip = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

const loadMeeting = (tx: Tx, meetingId: string) =>
  tx.meeting.findUnique({
    where: { id: meetingId },
    include: {
      participants: { where: { invited: true }, include: { participant: true } },
      sip: { include: { child: true } },
    },
  });

/** The summons in plain Swedish: what, when, where, why, who is invited, and the family's wishes. */
function summonsText(meeting: MeetingWithSip, kind: SummonsKind, recipientName: string, reason?: string) {
  const what = KIND_IN_SWEDISH[meeting.kind];
  const child = meeting.sip.child.givenName;
  const time = when(meeting.startsAt, meeting.endsAt);
  const subject = {
    BOOKED: `Kallelse: ${what} om ${child}s SIP, ${time}`,
    MOVED: `Ny tid: ${what} om ${child}s SIP, ${time}`,
    CANCELLED: `Inställt: ${what} om ${child}s SIP, ${time}`,
  }[kind];
  const invited = meeting.participants.map(({ participant: p }) => {
    const role = [p.title, p.unit].filter(Boolean).join(', ');
    const chair = p.id === meeting.chairId ? ', ordförande' : p.id === meeting.secretaryId ? ', sekreterare' : '';
    return `- ${p.name}${role ? ` (${role})` : ''}${chair}`;
  });
  const { sip } = meeting;
  const wishes = [
    sip.wishedPlace && `plats: ${sip.wishedPlace}`,
    sip.wishedTime && `tid: ${sip.wishedTime}`,
    sip.wishedBreaks && `pauser: ${sip.wishedBreaks}`,
    sip.interpreterLanguage && `tolk: ${sip.interpreterLanguage}`,
    sip.notesDelivery && `anteckningar skickas: ${sip.notesDelivery}`,
  ].filter(Boolean);
  const lines = [
    `Hej ${recipientName}!`,
    '',
    {
      BOOKED: `Du kallas till ${what} om den samordnade individuella planen (SIP) för ${child}.`,
      MOVED: `Tiden eller platsen för ${what} om ${child}s SIP har ändrats. Så här blir det nu:`,
      CANCELLED: `${what[0].toUpperCase()}${what.slice(1)} om ${child}s SIP är inställt.`,
    }[kind],
    ...(kind === 'CANCELLED' && reason ? [`Anledning: ${reason}`] : []),
    '',
    `Tid: ${time}`,
    `Form: ${MODE_IN_SWEDISH[meeting.mode]}`,
    ...(meeting.place ? [`Plats: ${meeting.place}`] : []),
    ...(meeting.link ? [`Länk: ${meeting.link}`] : []),
    '',
    'Frågeställningar:',
    ...sip.questions.map((question) => `- ${question}`),
    '',
    'Inbjudna:',
    ...invited,
    ...(wishes.length > 0 ? ['', 'Familjens önskemål:', ...wishes.map((wish) => `- ${wish}`)] : []),
  ];
  return { subject, body: lines.join('\n') };
}

/** The iCalendar invitation (or cancellation) for the meeting, one event, updated by sequence. */
function invitation(
  meeting: MeetingWithSip,
  kind: SummonsKind,
  sequence: number,
  text: { subject: string; body: string },
  now: Date,
) {
  const calendar = ical({
    name: 'SIP',
    method: kind === 'CANCELLED' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    prodId: { company: 'sip-graph', product: 'kallelse', language: 'SV' },
  });
  calendar.createEvent({
    id: `${meeting.id}@sip-graph`,
    sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: text.subject,
    description: text.body,
    location: meeting.place ?? meeting.link ?? undefined,
    url: meeting.link ?? undefined,
    status: kind === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: now,
    // Everyone invited is named in the description; those with an e-mail address are attendees too.
    attendees: meeting.participants.flatMap(({ participant: p }) =>
      p.email ? [{ name: p.name, email: p.email }] : [],
    ),
  });
  return calendar.toString();
}

/**
 * Writes a summons for each invited participant still taking part, in the same transaction as the
 * change to the meeting: the text in Swedish and an iCalendar invitation, with whom it was for and
 * when it was sent; and, for each with an e-mail address, its delivery in the outbox, which the
 * delivery job sends once the transaction has committed.
 */
export async function writeSummonses(tx: Tx, meetingId: string, kind: SummonsKind, now: Date, reason?: string) {
  const meeting = await loadMeeting(tx, meetingId);
  if (!meeting) return;
  const sequence = await tx.summons.count({ where: { meetingId, participantId: meeting.chairId } });
  const recipients = meeting.participants
    .map(({ participant }) => participant)
    .filter((participant) => participant.removedAt === null || participant.removedAt > now);
  const written = await tx.summons.createManyAndReturn({
    data: recipients.map((participant) => {
      const text = summonsText(meeting, kind, participant.name, reason);
      return {
        meetingId,
        participantId: participant.id,
        kind,
        ...text,
        ics: invitation(meeting, kind, sequence, text, now),
        channel: GRAPH_CHANNEL,
        sentAt: now,
      };
    }),
  });
  // The outbox: those with an e-mail address are sent it too, after commit (summons-delivery.ts).
  const emailOf = new Map(recipients.map((participant) => [participant.id, participant.email]));
  await tx.summonsDelivery.createMany({
    data: written.flatMap(({ id, participantId }) => {
      const address = emailOf.get(participantId);
      // Due at once by the real clock, not the graph's: the outbox is about mail that really leaves.
      return address ? [{ summonsId: id, channel: 'EMAIL', address, nextAttemptAt: new Date() }] : [];
    }),
  });
}
