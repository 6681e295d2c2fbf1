import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../../lib/consent/consent.directive.ts';
import { recordBelongsToPlan } from '../../../policy/agency-boundaries.ts';
import type { SocialContext } from '../context.ts';
import { PlanIntervention } from './plan-intervention.type.ts';
import { SocialIntervention, toSocialIntervention } from './social-intervention.type.ts';

/** Social services' decision behind an intervention in a SIP plan. */
@Resolver(() => PlanIntervention)
export class PlanInterventionResolver {
  @Consent('SOCIAL_INTERVENTIONS')
  @Directive('@requires(fields: "childId agencyRecordId")')
  @FieldResolver(() => SocialIntervention, {
    nullable: true,
    description: "Social services' decision on this intervention, when the plan links one.",
  })
  async socialIntervention(
    @Root() intervention: PlanIntervention,
    @Ctx() context: SocialContext,
  ): Promise<SocialIntervention | null> {
    if (!intervention.agencyRecordId) return null;
    const row = await context.loaders.interventionById.load(intervention.agencyRecordId);
    // A link to another child's record shows nothing.
    return row?.childId && recordBelongsToPlan(row.childId, intervention.childId) ? toSocialIntervention(row) : null;
  }
}
