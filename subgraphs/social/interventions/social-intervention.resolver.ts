import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SocialContext } from '../context.ts';
import { recordSocialIntervention } from './record-social-intervention.ts';
import { RecordSocialInterventionInput } from './record-social-intervention.input.ts';
import { SocialIntervention, toSocialIntervention } from './social-intervention.type.ts';

/** Social services' own staff record decided interventions. */
@Resolver(() => SocialIntervention)
export class SocialInterventionResolver {
  @Mutation(() => SocialIntervention, {
    description: "Records a decided intervention (insats) in the child's open case.",
  })
  async recordSocialIntervention(
    @Arg('input', () => RecordSocialInterventionInput) input: RecordSocialInterventionInput,
    @Ctx() context: SocialContext,
  ): Promise<SocialIntervention> {
    return toSocialIntervention(await recordSocialIntervention(context, input));
  }
}
