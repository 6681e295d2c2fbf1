import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { Child } from './child.type.ts';
import type { SchoolContext } from './context.ts';
import { SchoolPlacement, toSchoolPlacement } from './school-placement.type.ts';

/** The school's fields on the SIP core's `Child`. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('SCHOOL_ENROLMENT')
  @FieldResolver(() => SchoolPlacement, { nullable: true, description: 'Where the child goes to school today.' })
  async schoolPlacement(@Root() child: Child, @Ctx() context: SchoolContext): Promise<SchoolPlacement | null> {
    const row = await context.loaders.currentPlacementByChildId.load(child.id);
    return row && toSchoolPlacement(row);
  }
}
