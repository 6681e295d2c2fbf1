import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import {
  maturityAssessmentRefusal,
  sphereChoiceRefusal,
  sphereReadRefusal,
  type SpherePart as Part,
} from '../../../../policy/young-persons-sphere.ts';
import { assertMayRead } from '../children/child-records.ts';
import { consentChildFacts } from '../children/consent-child-facts.ts';
import type { AuthorityContext } from '../context.ts';
import { changeOpenSip } from '../open-sip.ts';
import { latestSphereChoice, maturityAssessed } from './kept-parts.ts';
import { MaturityAssessment, SpherePart, YoungPersonsSphere } from './sphere.type.ts';

async function sphereOf(context: AuthorityContext, childId: string): Promise<YoungPersonsSphere> {
  const [choice, assessment] = await Promise.all([
    latestSphereChoice(context.prisma, childId),
    context.prisma.maturityAssessment.findFirst({ where: { childId }, orderBy: { assessedAt: 'desc' } }),
  ]);
  return Object.assign(new YoungPersonsSphere(), {
    childId,
    keptFromGuardians: choice?.parts ?? [],
    chosenAt: choice?.chosenAt ?? null,
    maturityAssessedAt: assessment?.assessedAt ?? null,
  });
}

@Resolver(() => YoungPersonsSphere)
export class YoungPersonsSphereResolver {
  @Query(() => YoungPersonsSphere, {
    description:
      'What a young person keeps from their guardians: for the young person, and for staff and privacy officers ' +
      'who may read the child’s consents (logged); never for the guardians.',
  })
  async youngPersonsSphere(
    @Arg('childId', () => ID) childId: string,
    @Ctx() context: AuthorityContext,
  ): Promise<YoungPersonsSphere> {
    const refusal = sphereReadRefusal(context.requester);
    if (refusal) throw new ForbiddenError(refusal);
    await consentChildFacts(context, childId);
    await assertMayRead(context, { childId, record: 'CHILD_CONSENTS', field: 'Query.youngPersonsSphere' });
    return sphereOf(context, childId);
  }

  @Mutation(() => YoungPersonsSphere, {
    description:
      'The young person chooses what to keep from their guardians (an empty list keeps nothing): from 15, or ' +
      'younger once staff recorded them mature enough. Each choice is kept; the newest counts.',
  })
  async keepFromGuardians(
    @Arg('childId', () => ID) childId: string,
    @Arg('parts', () => [SpherePart]) parts: Part[],
    @Ctx() context: AuthorityContext,
  ): Promise<YoungPersonsSphere> {
    const child = await consentChildFacts(context, childId);
    const assessed = await maturityAssessed(context.prisma, childId);
    const now = context.clock();
    const refusal = sphereChoiceRefusal(context.requester, child, assessed, now);
    if (refusal) throw new ForbiddenError(refusal);
    await context.prisma.sphereChoice.create({
      data: { childId, parts: [...new Set(parts)], chosenAt: now, chosenBy: context.requester.subject },
    });
    return sphereOf(context, childId);
  }

  @Mutation(() => MaturityAssessment, {
    description:
      'Staff taking part in the child’s open SIP record, with a reason, that a child under 15 is mature enough to ' +
      'keep parts of their own sphere from their guardians. An item of the log review.',
  })
  async recordMaturity(
    @Arg('childId', () => ID) childId: string,
    @Arg('sipId', () => ID) sipId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: AuthorityContext,
  ): Promise<MaturityAssessment> {
    const text = requiredText(reason, 'reason', 1_000);
    const { requester } = context;
    const row = await changeOpenSip(context, sipId, 'sipId', async (tx, sip, _role, now) => {
      const refusal = maturityAssessmentRefusal(requester, sip, childId, now);
      if (refusal) throw new ForbiddenError(refusal, 'sipId');
      if (!requester.agency || !requester.unit) throw new BadUserInputError('sipId', 'staff record this');
      return tx.maturityAssessment.create({
        data: {
          childId,
          sipId,
          assessedBy: requester.subject,
          assessedByName: requester.name,
          agency: requester.agency,
          unit: requester.unit,
          reason: text,
          assessedAt: now,
        },
      });
    });
    return Object.assign(new MaturityAssessment(), row);
  }
}
