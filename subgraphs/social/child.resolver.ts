import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { pageRequest, TimelineArgs } from '../../lib/pagination/page-args.ts';
import { Child } from './child.type.ts';
import type { SocialContext } from './context.ts';
import {
  SocialIntervention,
  SocialInterventionConnection,
  toSocialIntervention,
} from './interventions/social-intervention.type.ts';
import { Investigation, InvestigationConnection, toInvestigation } from './investigations/investigation.type.ts';
import { Placement, PlacementConnection, toPlacement } from './placements/placement.type.ts';
import { SocialCase, toSocialCase } from './social-case.type.ts';

/** Social services' fields on the SIP core's `Child`, one consent scope per information category. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('SOCIAL_CASE')
  @FieldResolver(() => SocialCase, {
    nullable: true,
    description: 'The open social services case about the child, if any.',
  })
  async openSocialCase(@Root() child: Child, @Ctx() context: SocialContext): Promise<SocialCase | null> {
    const row = await context.loaders.openCaseByChildId.load(child.id);
    return row && toSocialCase(row);
  }

  @Consent('SOCIAL_CASE_NOTES')
  @FieldResolver(() => InvestigationConnection, {
    nullable: true,
    description: 'Investigations (utredningar) and their assessments, newest first.',
  })
  async socialInvestigations(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SocialContext,
  ): Promise<Connection<Investigation>> {
    return toConnection(
      await context.loaders.investigations.load({ childId: child.id, request: pageRequest(args, context) }),
      toInvestigation,
    );
  }

  @Consent('SOCIAL_INTERVENTIONS')
  @FieldResolver(() => SocialInterventionConnection, {
    nullable: true,
    description: 'Decided interventions (insatser) under SoL or LSS, newest first.',
  })
  async socialInterventions(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SocialContext,
  ): Promise<Connection<SocialIntervention>> {
    return toConnection(
      await context.loaders.interventions.load({ childId: child.id, request: pageRequest(args, context) }),
      toSocialIntervention,
    );
  }

  @Consent('SOCIAL_PLACEMENTS')
  @FieldResolver(() => PlacementConnection, {
    nullable: true,
    description: 'Out-of-home placements, contact persons and contact families, newest first.',
  })
  async placements(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SocialContext,
  ): Promise<Connection<Placement>> {
    return toConnection(
      await context.loaders.placements.load({ childId: child.id, request: pageRequest(args, context) }),
      toPlacement,
    );
  }
}
