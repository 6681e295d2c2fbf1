import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { CareContact, toCareContact } from './care-contact.type.ts';
import { Child } from './child.type.ts';
import type { HealthContext } from './context.ts';

/** Health care's fields on the SIP core's `Child`. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('HEALTH_CARE_CONTACTS')
  @FieldResolver(() => [CareContact], { description: 'The care units the child is in contact with today.' })
  async careContacts(@Root() child: Child, @Ctx() context: HealthContext): Promise<CareContact[]> {
    const rows = await context.loaders.currentCareContactsByChildId.load(child.id);
    return rows.map(toCareContact);
  }
}
