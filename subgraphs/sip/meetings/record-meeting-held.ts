import { BadUserInputError } from '../../../lib/errors.ts';
import { assertDistinct, optionalText } from '../../../lib/text-input.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip } from '../process/open-sip.ts';

const MAX_NOTES_LENGTH = 20_000;

/** The SIP a meeting belongs to; meetings never move, so this is read before the SIP is locked. */
export async function sipOfMeeting(context: SipContext, meetingId: string, field: string): Promise<string> {
  const meeting = isUuid(meetingId)
    ? await context.prisma.meeting.findUnique({ where: { id: meetingId }, select: { sipId: true } })
    : null;
  if (!meeting) throw new BadUserInputError(field, 'no meeting with this id');
  return meeting.sipId;
}

/** Records that a meeting took place, who attended (invited or not) and the notes. Once per meeting. */
export async function recordMeetingHeld(
  context: SipContext,
  meetingId: string,
  attendedIds: string[],
  notes: string | null | undefined,
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
    const attended = new Set(attendedIds);
    const invited = new Set(meeting.participants.map((p) => p.participantId));
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
