import type { Meeting as MeetingRow } from '../../../../prisma/sip/client/client.ts';
import { Meeting } from './meeting.type.ts';

export function toMeeting(row: MeetingRow): Meeting {
  const {
    id,
    sipId,
    chairId,
    secretaryId,
    kind,
    startsAt,
    endsAt,
    mode,
    place,
    link,
    heldAt,
    cancelledAt,
    cancellationReason,
  } = row;
  return Object.assign(new Meeting(), {
    id,
    sipId,
    chairId,
    secretaryId,
    kind,
    startsAt,
    endsAt,
    mode,
    place,
    link,
    heldAt,
    cancelledAt,
    cancellationReason,
  });
}
