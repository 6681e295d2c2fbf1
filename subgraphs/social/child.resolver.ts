import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { Child } from './child.type.ts';
import type { SocialContext } from './context.ts';
import { SocialCase, toSocialCase } from './social-case.type.ts';

/** Social services' fields on the SIP core's `Child`. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('SOCIAL_CASE')
  @FieldResolver(() => SocialCase, { nullable: true, description: 'The open social services case about the child, if any.' })
  async openSocialCase(@Root() child: Child, @Ctx() context: SocialContext): Promise<SocialCase | null> {
    const row = await context.loaders.openCaseByChildId.load(child.id);
    return row && toSocialCase(row);
  }
}
