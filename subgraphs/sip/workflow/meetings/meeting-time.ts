import { BadUserInputError } from '../../../../lib/errors.ts';
import { optionalText } from '../../../../lib/text-input.ts';
import type { MeetingTimeInput } from './meeting.inputs.ts';

const MODE_NAMES = { IN_PERSON: 'an in-person', DIGITAL: 'a digital', PHONE: 'a phone', HYBRID: 'a hybrid' } as const;

/**
 * When and where a meeting is, as booked or moved: in the future, ending after it starts, with a place and/or link as
 * its mode needs.
 */
export function checkedMeetingTime(input: MeetingTimeInput, now: Date) {
  if (input.endsAt <= input.startsAt) throw new BadUserInputError('input.endsAt', 'must be after startsAt');
  if (input.startsAt < now) throw new BadUserInputError('input.startsAt', 'must be in the future');
  const place = optionalText(input.place, 'input.place', 300);
  const link = optionalText(input.link, 'input.link', 500);
  if ((input.mode === 'IN_PERSON' || input.mode === 'HYBRID') && !place)
    throw new BadUserInputError('input.place', `${MODE_NAMES[input.mode]} meeting needs a place`);
  if ((input.mode === 'DIGITAL' || input.mode === 'HYBRID') && !link)
    throw new BadUserInputError('input.link', `${MODE_NAMES[input.mode]} meeting needs a link`);
  return { startsAt: input.startsAt, endsAt: input.endsAt, mode: input.mode, place, link };
}
