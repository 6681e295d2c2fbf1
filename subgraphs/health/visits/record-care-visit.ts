import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { calendarDay, inForceOn, swedishDate } from '../../../lib/periods.ts';
import { requiredText } from '../../../lib/text-input.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { HealthContext } from '../context.ts';
import type { RecordCareVisitInput } from './record-care-visit.input.ts';

/** Records a visit or call at the requester's own unit, within the child's care contact with it. */
export async function recordCareVisit(context: HealthContext, input: RecordCareVisitInput) {
  const now = context.clock();
  const unitName = context.requester.unit;
  if (!unitName) throw new ForbiddenError('only staff of a care unit record care contacts');
  if (!isUuid(input.childId))
    throw new BadUserInputError('input.childId', 'the child has no care contact with your unit on this date');
  if (input.date > swedishDate(now)) throw new BadUserInputError('input.date', 'must not be in the future');
  const profession = requiredText(input.profession, 'input.profession', 100);
  const date = calendarDay(input.date);
  const contact = await context.prisma.careContact.findFirst({
    where: { childId: input.childId, unitName, ...inForceOn(date) },
  });
  if (!contact)
    throw new BadUserInputError('input.childId', 'the child has no care contact with your unit on this date');
  return context.prisma.careVisit.create({
    data: {
      childId: input.childId,
      contactId: contact.id,
      date,
      mode: input.mode,
      profession,
      recordedBy: context.requester.subject,
      recordedAt: now,
    },
    include: { contact: true },
  });
}
