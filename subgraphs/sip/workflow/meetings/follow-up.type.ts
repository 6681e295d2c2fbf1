import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { InterventionOutcome } from '../../../../prisma/sip/client/enums.ts';

registerEnumType(InterventionOutcome, {
  name: 'InterventionOutcome',
  description: 'Whether an intervention worked, as the follow-up judged it: WORKED, PARTLY or DID_NOT_WORK.',
});

@InputType({ description: 'At a follow-up (uppföljning), one intervention of the plan followed up.' })
export class InterventionFollowUpInput {
  @Field(() => ID, { description: 'An intervention of the current plan version.' })
  interventionId!: string;

  @Field(() => String, { description: 'What was done.' })
  done!: string;

  @Field(() => InterventionOutcome)
  outcome!: InterventionOutcome;

  @Field(() => String, { description: 'What changes from now on (write that nothing does, if nothing does).' })
  changes!: string;
}

@ObjectType({
  description:
    'What a follow-up found about one intervention: what was done, whether it worked, what changes. The next ' +
    'plan version starts from these.',
})
export class InterventionFollowUp {
  meetingId!: string;

  @Field(() => ID)
  interventionId!: string;

  @Field(() => String, { description: 'The intervention, as the plan followed up named it.' })
  what!: string;

  @Field(() => String)
  done!: string;

  @Field(() => InterventionOutcome)
  outcome!: InterventionOutcome;

  @Field(() => String)
  changes!: string;
}
