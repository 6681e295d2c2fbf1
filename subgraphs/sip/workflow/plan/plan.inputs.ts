import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { PlanText } from './plan-entry.type.ts';
import { InterventionTerms, PlanGoal } from './plan-version.type.ts';

@InputType()
export class InterventionInput extends InterventionTerms {
  @Field(() => ID, {
    nullable: true,
    description:
      "The intervention's record in the responsible agency's own system (e.g. the " +
      'social services decision), to show it in the plan under consent.',
  })
  agencyRecordId?: string | null;
}

@InputType({ description: 'The whole content of a plan version. A revision sends the whole plan again.' })
export class PlanInput {
  @Field(() => ID, { nullable: true, description: 'The held SIP or follow-up meeting where this version was agreed.' })
  meetingId?: string | null;

  @Field(() => [PlanText], { description: 'Needs today (behov), each with the category it comes from.' })
  needs!: PlanText[];

  @Field(() => [PlanGoal], { description: 'At least one short-term and one long-term goal.' })
  goals!: PlanGoal[];

  @Field(() => [InterventionInput])
  interventions!: InterventionInput[];

  @Field(() => [String], { description: 'What the child and family do themselves.' })
  familyActions!: string[];

  @Field(() => [String], { description: 'Disagreements that remain.' })
  disagreements!: string[];

  @Field(() => ID, { description: 'The coordinator (huvudansvarig): a staff participant.' })
  coordinatorId!: string;

  @Field(() => String)
  coordinatorPhone!: string;

  @Field(() => String)
  coordinatorEmail!: string;

  @Field(() => GraphQLLocalDate, { description: 'After today.' })
  followUpOn!: string;

  @Field(() => String)
  followUpHow!: string;

  @Field(() => String, { nullable: true, description: 'When and how the plan may end.' })
  endCriteria?: string | null;
}
