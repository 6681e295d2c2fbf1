import { BadUserInputError } from '../../../../lib/errors.ts';
import { assertDistinct, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { planReaderOf } from '../../../../policy/plan-content.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip, type LockedSip, type Tx } from '../../consent-authority/open-sip.ts';
import { loadConsentFacts } from '../../consent-authority/consent/consent-facts.ts';
import type { PlanText } from '../plan/plan-entry.type.ts';
import { assertKeptOnlyAsTheYoungPersonMay, planTexts } from '../plan/plan-entries.input.ts';
import { sightFrom } from '../plan/plan-sight.ts';
import { storedCategory } from '../plan/plan-version.mapper.ts';
import type { InterventionFollowUpInput } from './follow-up.type.ts';

const MAX_NOTES_LENGTH = 20_000;

/** The SIP a meeting belongs to; meetings never move, so this is read before the SIP is locked. */
export async function sipOfMeeting(context: SipContext, meetingId: string, field: string): Promise<string> {
  const meeting = isUuid(meetingId)
    ? await context.prisma.meeting.findUnique({ where: { id: meetingId }, select: { sipId: true } })
    : null;
  if (!meeting) throw new BadUserInputError(field, 'no meeting with this id');
  return meeting.sipId;
}

/**
 * What a held follow-up found, one entry for each intervention of the plan it followed up (the
 * current version) that the recorder may see (policy/plan-content.ts), and nothing for any other
 * meeting. What the recorder may not see, the staff who may record at a follow-up of their own.
 */
async function checkedFollowUps(
  context: SipContext,
  tx: Tx,
  sip: LockedSip,
  kind: string,
  now: Date,
  followUps: readonly InterventionFollowUpInput[],
) {
  if (kind !== 'FOLLOW_UP') {
    if (followUps.length > 0) throw new BadUserInputError('followUps', 'only a follow-up meeting records these');
    return [];
  }
  const plan = await tx.planVersion.findFirst({
    where: { sipId: sip.id },
    orderBy: { number: 'desc' },
    include: { interventions: { orderBy: { position: 'asc' } } },
  });
  const facts = (await loadConsentFacts(tx, [sip.childId])).get(sip.childId);
  const sees = sightFrom(facts, planReaderOf(context.requester), context.requester, now);
  const interventions = (plan?.interventions ?? []).filter(
    (intervention) => sees({ ...intervention, category: storedCategory(intervention.category) }).shown,
  );
  assertDistinct(
    followUps.map((followUp) => followUp.interventionId),
    'followUps',
  );
  const entries = followUps.map((followUp, i) => {
    if (!interventions.some((intervention) => intervention.id === followUp.interventionId))
      throw new BadUserInputError(`followUps.${i}.interventionId`, 'not an intervention of the plan followed up');
    return {
      interventionId: followUp.interventionId,
      done: requiredText(followUp.done, `followUps.${i}.done`, 2_000),
      outcome: followUp.outcome,
      changes: requiredText(followUp.changes, `followUps.${i}.changes`, 2_000),
    };
  });
  const missing = interventions.filter((intervention) => !followUps.some((f) => f.interventionId === intervention.id));
  if (missing.length > 0)
    throw new BadUserInputError(
      'followUps',
      `say what was done with every intervention of the plan; missing: ${missing.map((i) => i.what).join('; ')}`,
    );
  return entries;
}

/**
 * Records that a meeting took place, who attended (invited or not) and the notes, in sections that
 * each name the category they come from; at a follow-up,
 * what was done with each intervention, whether it worked and what changes. Once per meeting.
 */
export async function recordMeetingHeld(
  context: SipContext,
  meetingId: string,
  attendedIds: string[],
  notes: readonly PlanText[],
  followUps: readonly InterventionFollowUpInput[] = [],
) {
  const sipId = await sipOfMeeting(context, meetingId, 'meetingId');
  return changeOpenSip(context, sipId, 'meetingId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'record meetings');
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { participants: true } });
    if (meeting.heldAt) throw new BadUserInputError('meetingId', 'already recorded as held');
    if (meeting.cancelledAt) throw new BadUserInputError('meetingId', 'the meeting is cancelled');
    if (now < meeting.startsAt) throw new BadUserInputError('meetingId', 'the meeting has not started yet');
    if (attendedIds.length === 0) throw new BadUserInputError('attendedIds', 'name who attended');
    assertDistinct(attendedIds, 'attendedIds');
    attendedIds.forEach((id, i) => {
      if (!sip.participants.some((p) => p.id === id))
        throw new BadUserInputError(`attendedIds.${i}`, 'not a participant of this SIP');
    });
    if (!attendedIds.includes(meeting.chairId))
      throw new BadUserInputError('attendedIds', 'the chair must be among those who attended');
    const sections = planTexts(notes, 'notes', MAX_NOTES_LENGTH);
    await assertKeptOnlyAsTheYoungPersonMay(
      tx,
      sip.child,
      now,
      sections.map((section, i) => [`notes.${i}`, section] as const),
    );
    const found = await checkedFollowUps(context, tx, sip, meeting.kind, now, followUps);
    const attended = new Set(attendedIds);
    const invited = new Set(meeting.participants.map((p) => p.participantId));
    await tx.interventionFollowUp.createMany({ data: found.map((entry) => ({ meetingId: meeting.id, ...entry })) });
    return tx.meeting.update({
      where: { id: meeting.id },
      data: {
        heldAt: now,
        notes: { create: sections.map((section, position) => ({ ...section, position })) },
        participants: {
          updateMany: [
            { where: { participantId: { in: attendedIds } }, data: { attended: true } },
            { where: { participantId: { notIn: attendedIds } }, data: { attended: false } },
          ],
          create: [...attended]
            .filter((id) => !invited.has(id))
            .map((participantId) => ({ participantId, invited: false, attended: true })),
        },
      },
    });
  });
}
