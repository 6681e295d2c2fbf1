import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { Sip } from '../process/sip.type.ts';
import { planVersionAsSeen } from './plan-as-seen.ts';
import { PlanVersion } from './plan-version.type.ts';

/** A SIP's plan: every version, and the current one. */
@Resolver(() => Sip)
export class SipPlanResolver {
  @FieldResolver(() => [PlanVersion], {
    description: 'The full version history of the plan, version 1 first, each as the requester may see it.',
  })
  async versions(@Root() sip: Sip, @Ctx() context: SipContext): Promise<PlanVersion[]> {
    const versions = await context.loaders.versionsBySipId.load(sip.id);
    return Promise.all(versions.map((version) => planVersionAsSeen(context, version, sip.childId)));
  }

  @FieldResolver(() => PlanVersion, {
    nullable: true,
    description: 'The newest version; null before the first plan is written.',
  })
  async currentVersion(@Root() sip: Sip, @Ctx() context: SipContext): Promise<PlanVersion | null> {
    const current = (await context.loaders.versionsBySipId.load(sip.id)).at(-1);
    return current ? planVersionAsSeen(context, current, sip.childId) : null;
  }
}
