import { Field, ID, ObjectType } from 'type-graphql';
import { Agency, ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';

@ObjectType({
  description:
    'Emergency access (nödåtkomst): one staff member may read these categories of a child’s data without consent ' +
    'until `until`. Every read under it is logged as such, shown to the family, and reviewed.',
})
export class EmergencyAccess {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => String)
  requesterSubject!: string;

  @Field(() => String, { nullable: true })
  requesterName!: string | null;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => [ConsentScope])
  scopes!: string[];

  @Field(() => String)
  reason!: string;

  @Field(() => DateTime)
  openedAt!: Date;

  @Field(() => DateTime, { description: 'Exclusive: reads from this instant are no longer covered.' })
  until!: Date;
}
