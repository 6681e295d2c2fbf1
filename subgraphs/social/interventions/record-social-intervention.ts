import { BadUserInputError } from '../../../lib/errors.ts';
import { calendarDay, swedishDate } from '../../../lib/periods.ts';
import { requiredText } from '../../../lib/text-input.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { SocialContext } from '../context.ts';
import type { RecordSocialInterventionInput } from './record-social-intervention.input.ts';

const ACT_NAMES = { SOL: 'SoL', LSS: 'LSS' } as const;

/** Records a decided intervention in the child's open case. One insert: it is written whole or not at all. */
export async function recordSocialIntervention(context: SocialContext, input: RecordSocialInterventionInput) {
  const now = context.clock();
  if (!isUuid(input.childId)) throw new BadUserInputError('input.childId', 'the child has no open case');
  if (input.legalBasis === 'LVU')
    throw new BadUserInputError('input.legalBasis', 'care under LVU is a placement, not an intervention');
  const act = ACT_NAMES[input.legalBasis];
  const provision = requiredText(input.provision, 'input.provision', 100);
  if (!provision.includes(act))
    throw new BadUserInputError('input.provision', `must name the act it is under (${act})`);
  if (input.decidedOn > swedishDate(now)) throw new BadUserInputError('input.decidedOn', 'must not be in the future');
  if (input.startsOn < input.decidedOn) throw new BadUserInputError('input.startsOn', 'must not be before decidedOn');
  if (input.endsOn != null && input.endsOn < input.startsOn)
    throw new BadUserInputError('input.endsOn', 'must not be before startsOn');
  const kind = requiredText(input.kind, 'input.kind', 200);
  const provider = requiredText(input.provider, 'input.provider', 200);

  const openCase = await context.prisma.socialCase.findFirst({
    where: { childId: input.childId, closedAt: null },
    orderBy: { openedAt: 'desc' },
  });
  if (!openCase) throw new BadUserInputError('input.childId', 'the child has no open case');
  return context.prisma.socialIntervention.create({
    data: {
      childId: input.childId,
      caseId: openCase.id,
      kind,
      legalBasis: input.legalBasis,
      provision,
      decidedOn: calendarDay(input.decidedOn),
      startsOn: calendarDay(input.startsOn),
      endsOn: input.endsOn == null ? null : calendarDay(input.endsOn),
      provider,
      decidedBy: context.requester.name ?? context.requester.subject,
      recordedAt: now,
    },
  });
}
