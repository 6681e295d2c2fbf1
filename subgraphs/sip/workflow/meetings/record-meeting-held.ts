import { BadUserInputError } from '../../../../lib/errors.ts';
import { assertDistinct, optionalText, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip, type Tx } from '../../consent-authority/open-sip.ts';
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
 * current version), and nothing for any other meeting.
 */
async function checkedFollowUps(tx: Tx, sipId: string, kind: string, followUps: readonly InterventionFollowUpInput[]) {
  if (kind !== 'FOLLOW_UP') {
    if (followUps.length > 0) throw new BadUserInputError('followUps', 'only a follow-up meeting records these');
    return [];
  }
  const plan = await tx.planVersion.findFirst({
    where: { sipId },
    orderBy: { number: 'desc' },
    include: { interventions: { orderBy: { position: 'asc' } } },
  });
  const interventions = plan?.interventions ?? [];
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
 * Records that a meeting took place, who attended (invited or not) and the notes; at a follow-up,
 * what was done with each intervention, whether it worked and what changes. Once per meeting.
 */
export async function recordMeetingHeld(
  context: SipContext,
  meetingId: string,
  attendedIds: string[],
  notes: string | null | undefined,
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
    const found = await checkedFollowUps(tx, sip.id, meeting.kind, followUps);
    const attended = new Set(attendedIds);
    const invited = new Set(meeting.participants.map((p) => p.participantId));
    await tx.interventionFollowUp.createMany({ data: found.map((entry) => ({ meetingId: meeting.id, ...entry })) });
    return tx.meeting.update({
      where: { id: meeting.id },
      data: {
        heldAt: now,
        notes: optionalText(notes, 'notes', MAX_NOTES_LENGTH),
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
