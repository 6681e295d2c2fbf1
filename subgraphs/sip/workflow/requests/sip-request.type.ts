import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from '../../../../lib/federation/policy-enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';

export enum SipRequestStatus {
  WAITING = 'WAITING',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}
registerEnumType(SipRequestStatus, {
  name: 'SipRequestStatus',
  description: 'WAITING for an answer; ACCEPTED (it became a SIP); REFUSED, with a reason.',
});

@InputType({ description: 'A family asks for a SIP: what they need help with, and which agencies are involved.' })
export class SipRequestInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => String, { description: 'What the family needs help with, in their own words.' })
  needs!: string;

  @Field(() => [Agency], { description: 'The agencies involved; staff of these answer. At least one.' })
  agencies!: Agency[];
}

@ObjectType({ description: 'The answer to a request for a SIP.' })
export class SipRequestAnswer {
  @Field(() => Boolean)
  accepted!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was refused; null when accepted.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The SIP the request became.' })
  sipId!: string | null;

  @Field(() => String, { description: 'Who answered: their name.' })
  answeredBy!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => DateTime)
  answeredAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'For a refusal: how the family has it looked at again, in Swedish (English: howToComplainEn).',
  })
  howToComplain!: string | null;

  @Field(() => String, { nullable: true })
  howToComplainEn!: string | null;
}

@ObjectType({
  description:
    'A family’s request for a SIP (förfrågan). The agencies asked answer it; a refusal is the exception, names ' +
    'its reason, and is reviewed by a privacy officer.',
})
export class SipRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => String, { description: 'The child’s name, for those who answer.' })
  childName!: string;

  @Field(() => String, { description: 'Who asked: a guardian’s name, or the child’s.' })
  requestedBy!: string;

  @Field(() => String)
  needs!: string;

  @Field(() => [Agency])
  agencies!: Agency[];

  @Field(() => DateTime)
  requestedAt!: Date;

  @Field(() => SipRequestStatus)
  status!: SipRequestStatus;

  @Field(() => Int, { description: 'Whole days since it was made, until it was answered.' })
  daysWaiting!: number;

  @Field(() => SipRequestAnswer, { nullable: true })
  answer!: SipRequestAnswer | null;
}
