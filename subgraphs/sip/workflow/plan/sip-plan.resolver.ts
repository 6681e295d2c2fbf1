import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { Sip } from '../process/sip.type.ts';
import { toPlanVersion } from './plan-version.mapper.ts';
import { PlanVersion } from './plan-version.type.ts';

/** A SIP's plan: every version, and the current one. */
@Resolver(() => Sip)
export class SipPlanResolver {
  @FieldResolver(() => [PlanVersion], { description: 'The full version history of the plan, version 1 first.' })
  async versions(@Root() sip: Sip, @Ctx() context: SipContext): Promise<PlanVersion[]> {
    return (await context.loaders.versionsBySipId.load(sip.id)).map((version) => toPlanVersion(version, sip.childId));
  }

  @FieldResolver(() => PlanVersion, {
    nullable: true,
    description: 'The newest version; null before the first plan is written.',
  })
  async currentVersion(@Root() sip: Sip, @Ctx() context: SipContext): Promise<PlanVersion | null> {
    const current = (await context.loaders.versionsBySipId.load(sip.id)).at(-1);
    return current ? toPlanVersion(current, sip.childId) : null;
  }
}
