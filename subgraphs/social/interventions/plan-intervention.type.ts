import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The SIP core's plan intervention, to which social services add their own record of it. */
@ObjectType()
@Directive('@key(fields: "id")')
export class PlanIntervention {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  @Directive('@external')
  childId!: string;

  @Field(() => ID, { nullable: true })
  @Directive('@external')
  agencyRecordId!: string | null;
}
