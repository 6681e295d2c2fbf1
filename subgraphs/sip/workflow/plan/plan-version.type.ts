import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { GoalTerm, SignatureForm } from '../../../../prisma/sip/client/enums.ts';
import { Agency } from '../../../../lib/federation/policy-enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';
import { SipParticipant } from '../process/sip.type.ts';
import { PlanContentLeftOut, PlanEntry, PlanText } from './plan-entry.type.ts';

registerEnumType(GoalTerm, { name: 'GoalTerm', description: 'A short-term or a long-term goal.' });
registerEnumType(SignatureForm, {
  name: 'SignatureForm',
  description: 'IN_APP: signed by the participant in the graph; PAPER: signed on paper, recorded by staff.',
});

/** A goal as the plan states it: the same fields in a plan sent (GoalInput) and in a version read. */
@ObjectType()
@InputType('GoalInput')
export class PlanGoal extends PlanEntry {
  @Field(() => GoalTerm)
  term!: GoalTerm;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'How reaching it is measured.' })
  measure!: string;
}

/**
 * What an intervention is, as a plan sent states it (InterventionInput) and a version shows it (PlanIntervention).
 * The names below are type-graphql's only: the schema holds just the types a field or argument reaches.
 */
@ObjectType('InterventionTermsFields')
@InputType('InterventionTermsFieldsInput')
export class InterventionTerms extends PlanEntry {
  @Field(() => String)
  what!: string;

  @Field(() => Agency, { description: 'An agency with staff taking part in the SIP.' })
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => String)
  responsiblePerson!: string;

  @Field(() => String, { description: 'How often, e.g. "every week".' })
  frequency!: string;

  @Field(() => GraphQLLocalDate)
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Not before startsOn; null while open-ended.' })
  endsOn?: string | null;

  @Field(() => String)
  location!: string;

  @Field(() => String, { description: 'How its result is judged.' })
  evaluationMethod!: string;

  @Field(() => String, { description: 'Who judges it.' })
  evaluatedBy!: string;
}

@ObjectType({
  description:
    'An intervention (insats) in the plan. The responsible agency may add its own record of it, under consent.',
})
@Directive('@key(fields: "id")')
export class PlanIntervention extends InterventionTerms {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The child the plan is for; agency subgraphs decide consent by it.' })
  childId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The intervention's record in the responsible agency's own system, if linked.",
  })
  agencyRecordId!: string | null;
}

@ObjectType()
export class PlanSignature {
  @Field(() => SipParticipant)
  participant!: SipParticipant;

  @Field(() => DateTime, { description: 'When; for a signature on paper, the day on the paper.' })
  signedAt!: Date;

  @Field(() => SignatureForm)
  form!: SignatureForm;

  @Field(() => String, { nullable: true, description: 'Who recorded a signature given on paper.' })
  recordedBy!: string | null;
}

@ObjectType({
  description: 'One version of the plan. Versions never change; an edit is a new version that needs new signatures.',
})
export class PlanVersion {
  @Field(() => ID)
  id!: string;

  sipId!: string;
  childId!: string;
  meetingId!: string | null;
  coordinatorId!: string;

  @Field(() => Int, { description: '1 for the first plan, then one more for each revision.' })
  number!: number;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => [PlanText], { description: 'Needs today (behov): those the requester may see.' })
  needs!: PlanText[];

  @Field(() => [PlanGoal], { description: 'Those the requester may see.' })
  goals!: PlanGoal[];

  @Field(() => [PlanIntervention], { description: 'Those the requester may see.' })
  interventions!: PlanIntervention[];

  @Field(() => [PlanContentLeftOut], {
    description:
      'What was left out of the requester’s copy of this version, per section, category and reason; empty when ' +
      'nothing was.',
  })
  leftOut!: PlanContentLeftOut[];

  @Field(() => [String], { description: 'What the child and family do themselves.' })
  familyActions!: string[];

  @Field(() => [String], { description: 'Disagreements that remain, recorded rather than hidden.' })
  disagreements!: string[];

  @Field(() => String)
  coordinatorPhone!: string;

  @Field(() => String)
  coordinatorEmail!: string;

  @Field(() => GraphQLLocalDate)
  followUpOn!: string;

  @Field(() => String, { description: 'How the plan is followed up and evaluated.' })
  followUpHow!: string;

  @Field(() => String, { nullable: true, description: 'When and how the plan may end.' })
  endCriteria!: string | null;
}
