import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { calendarDay, daysAfter, swedishDate, wholeDaysBetween } from '../../../../lib/periods.ts';
import { DateTime } from '../../../../lib/scalars.ts';
import { isCurrent, isSigner } from '../../../../policy/sip-access.ts';
import { cachedConsentFacts } from '../../consent-authority/consent/consent-facts-cache.ts';
import { linkedConsentInForce } from '../../consent-authority/open-sip.ts';
import type { SipContext } from '../context.ts';
import { followUpOf } from './follow-up.ts';
import type { Sip } from './sip.type.ts';

export const NextStepKind = {
  FAMILY_ANSWER: 'FAMILY_ANSWER',
  INVITATION_UNANSWERED: 'INVITATION_UNANSWERED',
  INVITATION_DECLINED: 'INVITATION_DECLINED',
  CONSENT: 'CONSENT',
  BOOK_MEETING: 'BOOK_MEETING',
  WRITE_PLAN: 'WRITE_PLAN',
  SIGNATURES: 'SIGNATURES',
  FOLLOW_UP: 'FOLLOW_UP',
} as const;
export type NextStepKind = keyof typeof NextStepKind;
registerEnumType(NextStepKind, {
  name: 'NextStepKind',
  description:
    "What a SIP waits for: the family's answer, a unit's answer (or another unit after a decline), a consent in " +
    'force, a meeting booked, the plan written after the meeting, signatures, the follow-up.',
});

@ObjectType({ description: 'Something the SIP waits for, in words, with how long it has waited.' })
export class NextStep {
  @Field(() => NextStepKind)
  kind!: NextStepKind;

  @Field(() => String, { description: 'What to do, in Swedish.' })
  text!: string;

  @Field(() => DateTime, { description: 'Since when it has waited.' })
  since!: Date;

  @Field(() => Int)
  daysWaiting!: number;

  @Field(() => Boolean, { description: 'Its time has passed: an invitation unanswered, a follow-up not held.' })
  overdue!: boolean;
}

/** A follow-up this close is worth booking now. */
const FOLLOW_UP_SOON_DAYS = 21;

/**
 * What the SIP waits for now, in the order it stands in the process: what a coordinator with five
 * SIPs beside her other work needs to see first. Closed SIPs wait for nothing.
 */
export async function nextStepsOf(context: SipContext, sip: Sip): Promise<NextStep[]> {
  if (sip.status === 'CLOSED') return [];
  const now = context.clock();
  const step = (kind: NextStepKind, text: string, since: Date, overdue = false) =>
    Object.assign(new NextStep(), {
      kind,
      text,
      since,
      daysWaiting: Math.max(0, wholeDaysBetween(since, now)),
      overdue,
    });
  if (sip.status === 'AWAITING_FAMILY')
    return [step('FAMILY_ANSWER', 'Fråga familjen om de vill ha en SIP och anteckna deras svar.', sip.initiatedAt)];

  const [invitations, participants, meetings, versions, links, child] = await Promise.all([
    context.loaders.invitationsBySipId.load(sip.id),
    context.loaders.participantsBySipId.load(sip.id),
    context.loaders.meetingsBySipId.load(sip.id),
    context.loaders.versionsBySipId.load(sip.id),
    context.loaders.consentLinksBySipId.load(sip.id),
    context.loaders.childById.load(sip.childId),
  ]);
  const agreedAt = sip.familyAnswer?.answeredAt ?? sip.initiatedAt;
  const steps: NextStep[] = [];

  // A unit whose staff member the coordinator added herself (agreed on the phone, say) waits for nothing.
  const unitTakesPart = (agency: string, unit: string) =>
    participants.some((p) => p.kind === 'STAFF' && p.agency === agency && p.unit === unit && isCurrent(p, now));
  for (const invitation of invitations) {
    const { answer } = invitation;
    const since = invitation.invitedAt > agreedAt ? invitation.invitedAt : agreedAt;
    if (!answer && !unitTakesPart(invitation.agency, invitation.unit))
      steps.push(
        step(
          'INVITATION_UNANSWERED',
          `${invitation.unit} har inte svarat på inbjudan.`,
          since,
          now > invitation.answerBy,
        ),
      );
    const agencyComes = invitations.some(
      (other) => other.agency === invitation.agency && other.answer?.kind === 'ACCEPTED',
    );
    if (answer?.kind === 'DECLINED' && !agencyComes)
      steps.push(
        step(
          'INVITATION_DECLINED',
          `${invitation.unit} tackade nej: ”${answer.note}”. Bjud in en annan enhet eller kontakta dem.`,
          answer.answeredAt,
        ),
      );
  }

  // The facts the consent rule keeps in memory until they change: a worklist reads many SIPs.
  const facts = (await cachedConsentFacts(context.prisma, [sip.childId])).get(sip.childId);
  if (!linkedConsentInForce(facts, links, now))
    steps.push(
      step(
        'CONSENT',
        'Inget samtycke som är kopplat till SIP:en gäller nu: familjen ger det i sin app, ' +
          'eller så antecknar ni deras ord.',
        agreedAt,
      ),
    );

  const upcoming = meetings.filter((m) => !m.heldAt && !m.cancelledAt && m.startsAt > now);
  const current = versions.at(-1);
  const heldSipMeeting = meetings.find((m) => m.kind === 'SIP_MEETING' && m.heldAt);
  if (!current && !heldSipMeeting && upcoming.length === 0)
    steps.push(step('BOOK_MEETING', 'Boka SIP-mötet.', agreedAt));
  if (!current && heldSipMeeting?.heldAt)
    steps.push(step('WRITE_PLAN', 'Skriv planen från SIP-mötet.', heldSipMeeting.heldAt));

  if (current && child) {
    const signed = new Set(current.signatures.map((s) => s.participantId));
    const missing = participants.filter((p) => isSigner(p, child.dateOfBirth, now) && !signed.has(p.id));
    if (missing.length > 0)
      steps.push(
        step(
          'SIGNATURES',
          `Planen version ${current.number} väntar på underskrift av ${missing.map((p) => p.name).join(', ')}.`,
          current.createdAt,
        ),
      );
    const followUp = followUpOf(versions, meetings, swedishDate(now));
    const bookedFollowUp = upcoming.some((m) => m.kind === 'FOLLOW_UP');
    const soon = followUp.dueOn !== null && calendarDay(followUp.dueOn) < daysAfter(now, FOLLOW_UP_SOON_DAYS);
    if (followUp.state === 'OVERDUE' || (followUp.state === 'UPCOMING' && soon && !bookedFollowUp))
      steps.push(
        step(
          'FOLLOW_UP',
          `Uppföljningen ska hållas senast ${followUp.dueOn}. ` +
            (bookedFollowUp ? 'Den är bokad, men senare än så.' : 'Boka den.'),
          current.createdAt,
          followUp.state === 'OVERDUE',
        ),
      );
  }
  return steps;
}
