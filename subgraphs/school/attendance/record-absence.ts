import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { recordsAtOwnUnit } from '../../../policy/agency-boundaries.ts';
import { calendarDay, inForceOn, swedishDate } from '../../../lib/periods.ts';
import { optionalText } from '../../../lib/text-input.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { SchoolContext } from '../context.ts';
import type { RecordAbsenceInput } from './record-absence.input.ts';
import { isSchoolDay, SCHOOL_DAY_MINUTES } from './terms.ts';

/**
 * Records an absence for a student of the requester's own school. The day's total is checked
 * under a lock on the child, so two reports at once cannot add up to more than a school day.
 */
export async function recordAbsence(context: SchoolContext, input: RecordAbsenceInput) {
  const now = context.clock();
  if (!isUuid(input.childId)) throw new BadUserInputError('input.childId', 'no student with this id');
  if (input.date > swedishDate(now)) throw new BadUserInputError('input.date', 'must not be in the future');
  const date = calendarDay(input.date);
  if (!isSchoolDay(date)) throw new BadUserInputError('input.date', 'is a weekend, not a school day');
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > SCHOOL_DAY_MINUTES) {
    throw new BadUserInputError('input.minutes', `must be between 1 and ${SCHOOL_DAY_MINUTES}`);
  }
  const note = optionalText(input.note, 'input.note', 500);
  if (input.reason === 'OTHER' && !note)
    throw new BadUserInputError('input.note', 'say what the reason is when it is OTHER');

  return context.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${input.childId}))`;
    const placement = await tx.schoolPlacement.findFirst({ where: { childId: input.childId, ...inForceOn(date) } });
    if (!placement)
      throw new BadUserInputError('input.childId', 'the student is not enrolled at any school on this date');
    if (!recordsAtOwnUnit(context.requester.unit, placement.schoolName))
      throw new ForbiddenError('you may record absence only for students of your own school');
    const { _sum } = await tx.absence.aggregate({ where: { childId: input.childId, date }, _sum: { minutes: true } });
    if ((_sum.minutes ?? 0) + input.minutes > SCHOOL_DAY_MINUTES) {
      throw new BadUserInputError(
        'input.minutes',
        `with the ${_sum.minutes} minutes already recorded that day, more than a school day`,
      );
    }
    return tx.absence.create({
      data: {
        childId: input.childId,
        date,
        minutes: input.minutes,
        reason: input.reason,
        valid: input.reason !== 'UNREPORTED',
        note,
        recordedBy: context.requester.subject,
        recordedAt: now,
      },
    });
  });
}
