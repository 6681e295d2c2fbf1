import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ForbiddenError } from '../../../../lib/errors.ts';
import { childMayReadSummary, decidesWhatChildReads, readsOwnPlanSummaries } from '../../../../policy/sip-access.ts';
import type { SipContext } from '../context.ts';
import { changeOpenSip, custodianIdsOf } from '../../consent-authority/open-sip.ts';
import { toParticipant, toSip } from '../process/sip.mapper.ts';
import { Sip } from '../process/sip.type.ts';
import { childSummary, childSummaryHtml } from './child-summary.ts';
import { ChildPlanSummary, ChildSummary } from './child-summary.type.ts';
import { planVersionAsSeen } from './plan-as-seen.ts';
import { PlanVersion } from './plan-version.type.ts';

async function summaryOf(context: SipContext, version: PlanVersion): Promise<ChildSummary> {
  const [sip, participants, meetings] = await Promise.all([
    context.loaders.sipById.load(version.sipId),
    context.loaders.participantsBySipId.load(version.sipId),
    context.loaders.meetingsBySipId.load(version.sipId),
  ]);
  const child = sip && (await context.loaders.childById.load(sip.childId));
  const childName = child?.givenName ?? '';
  const summary = childSummary({
    childName,
    version,
    participants: participants.map(toParticipant),
    meetings,
    now: context.clock(),
  });
  return Object.assign(new ChildSummary(), {
    ...summary,
    followUpOn: version.followUpOn,
    printableHtml: childSummaryHtml(childName, summary.text),
  });
}

/** The plan's summary for the child, and the guardians' permission for a child under 15 to read it. */
@Resolver(() => PlanVersion)
export class ChildSummaryResolver {
  @FieldResolver(() => ChildSummary, { description: 'This version in a few plain Swedish sentences for the child.' })
  childSummary(@Root() version: PlanVersion, @Ctx() context: SipContext): Promise<ChildSummary> {
    return summaryOf(context, version);
  }

  @Query(() => [ChildPlanSummary], {
    description:
      'For a child: the summaries of the current plans about them that they may read (any age the guardians ' +
      'allow; from 15, always). Empty for anyone else.',
  })
  async myPlanSummaries(@Ctx() context: SipContext): Promise<ChildPlanSummary[]> {
    const { requester } = context;
    if (!readsOwnPlanSummaries(requester)) return [];
    const child = await context.loaders.childById.load(requester.subject);
    if (!child) return [];
    const now = context.clock();
    const sips = (await context.loaders.sipsByChildId.load(child.id)).filter(
      (sip) => !sip.closedAt && childMayReadSummary(child.dateOfBirth, sip.childMayReadSummary, now),
    );
    const summaries = await Promise.all(
      sips.map(async (sip) => {
        const current = (await context.loaders.versionsBySipId.load(sip.id)).at(-1);
        if (!current) return [];
        const version = await planVersionAsSeen(context, current, sip.childId);
        return [
          Object.assign(new ChildPlanSummary(), {
            sipId: sip.id,
            versionNumber: version.number,
            summary: await summaryOf(context, version),
          }),
        ];
      }),
    );
    return summaries.flat();
  }

  @Mutation(() => Sip, {
    description:
      'A guardian with custody lets the child read the plan’s summary written for them (or stops it), at any age.',
  })
  async letChildReadSummary(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('allowed', () => Boolean) allowed: boolean,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(
      await changeOpenSip(context, sipId, 'sipId', async (tx, sip) => {
        if (!decidesWhatChildReads(context.requester, custodianIdsOf(sip.child.guardians)))
          throw new ForbiddenError('only a guardian with custody decides what the child reads');
        return tx.sip.update({ where: { id: sip.id }, data: { childMayReadSummary: allowed } });
      }),
    );
  }
}
