import { BadUserInputError } from '../../../../lib/errors.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip, type Tx } from '../../consent-authority/open-sip.ts';
import type { MeetingTimeInput } from './meeting.inputs.ts';
import { checkedMeetingTime } from './meeting-time.ts';
import { sipOfMeeting } from './record-meeting-held.ts';
import { writeSummonses } from './summons.ts';

/** A meeting that is still to come: neither held nor cancelled. Staff taking part may move or cancel it. */
async function changeUpcomingMeeting<T>(
  context: SipContext,
  meetingId: string,
  action: string,
  work: (tx: Tx, meetingId: string, now: Date) => Promise<T>,
) {
  const sipId = await sipOfMeeting(context, meetingId, 'meetingId');
  return changeOpenSip(context, sipId, 'meetingId', async (tx, _sip, role, now) => {
    assertStaffParticipant(role, action);
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    if (meeting.heldAt) throw new BadUserInputError('meetingId', 'the meeting has been held');
    if (meeting.cancelledAt) throw new BadUserInputError('meetingId', 'the meeting is cancelled');
    return work(tx, meeting.id, now);
  });
}

/** Moves a meeting to another time, place or mode. */
export function rescheduleMeeting(context: SipContext, meetingId: string, input: MeetingTimeInput) {
  const time = checkedMeetingTime(input, context.clock());
  return changeUpcomingMeeting(context, meetingId, 'move meetings', async (tx, id, now) => {
    const moved = await tx.meeting.update({ where: { id }, data: time });
    await writeSummonses(tx, id, 'MOVED', now);
    return moved;
  });
}

/** Calls a meeting off, saying why. */
export function cancelMeeting(context: SipContext, meetingId: string, reason: string) {
  const why = requiredText(reason, 'reason', 500);
  return changeUpcomingMeeting(context, meetingId, 'cancel meetings', async (tx, id, now) => {
    const cancelled = await tx.meeting.update({ where: { id }, data: { cancelledAt: now, cancellationReason: why } });
    await writeSummonses(tx, id, 'CANCELLED', now, why);
    return cancelled;
  });
}
