import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ClosureReason, FamilyAnswer, ParticipantKind } from '../../../../prisma/sip/client/enums.ts';
import { Agency } from '../../../../lib/federation/policy-enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';

export const SipStatus = { AWAITING_FAMILY: 'AWAITING_FAMILY', ACTIVE: 'ACTIVE', CLOSED: 'CLOSED' } as const;
export type SipStatus = keyof typeof SipStatus;
registerEnumType(SipStatus, {
  name: 'SipStatus',
  description: "Awaiting the family's answer, active once they agreed, or closed.",
});
registerEnumType(FamilyAnswer, { name: 'FamilyAnswer' });
registerEnumType(ClosureReason, {
  name: 'ClosureReason',
  description:
    'FAMILY_DECLINED and CONSENT_WITHDRAWN are set by the graph itself, when the family says no or a linked consent ' +
    'is withdrawn.',
});
registerEnumType(ParticipantKind, {
  name: 'ParticipantKind',
  description: 'Agency staff, a guardian, the child, or a relative (närstående).',
});

export const FollowUpState = {
  NOT_PLANNED: 'NOT_PLANNED',
  UPCOMING: 'UPCOMING',
  OVERDUE: 'OVERDUE',
  FOLLOWED_UP: 'FOLLOWED_UP',
} as const;
export type FollowUpState = keyof typeof FollowUpState;
registerEnumType(FollowUpState, {
  name: 'FollowUpState',
  description:
    'NOT_PLANNED: no plan yet. FOLLOWED_UP: a follow-up meeting was held since the current version; revise the ' +
    'plan. OVERDUE: the date has passed without one. UPCOMING: otherwise.',
});

@ObjectType({ description: 'Someone taking part in the SIP.' })
export class SipParticipant {
  @Field(() => ID)
  id!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => String)
  name!: string;

  @Field(() => Agency, { nullable: true })
  agency!: Agency | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A staff member's professional role, or a relative's relation to the child.",
  })
  title!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Boolean, { description: 'Took the initiative to the SIP.' })
  isInitiator!: boolean;

  @Field(() => DateTime, { nullable: true, description: 'No longer takes part from this instant.' })
  removedAt!: Date | null;

  @Field(() => String, { nullable: true })
  removalReason!: string | null;
}

@ObjectType({ description: "The family's answer to the proposal of a SIP." })
export class FamilyAnswerRecord {
  @Field(() => FamilyAnswer)
  answer!: FamilyAnswer;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTime)
  answeredAt!: Date;
}

@ObjectType({ description: "The family's practical wishes for meetings." })
export class FamilyWishes {
  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true })
  time!: string | null;

  @Field(() => String, { nullable: true })
  breaks!: string | null;

  @Field(() => String, { nullable: true, description: 'The language an interpreter is needed for, if any.' })
  interpreterLanguage!: string | null;

  @Field(() => String, { nullable: true, description: 'How the family wants notes and the plan sent to them.' })
  notesDelivery!: string | null;
}

@ObjectType({ description: 'Why and when the SIP was closed.' })
export class Closure {
  @Field(() => ClosureReason)
  reason!: ClosureReason;

  @Field(() => String)
  note!: string;

  @Field(() => DateTime)
  closedAt!: Date;

  @Field(() => String, { description: 'The subject of whoever closed it, or whose withdrawal closed it.' })
  closedBy!: string;
}

@ObjectType({ description: 'When the current plan is to be followed up, and whether it was.' })
export class FollowUp {
  @Field(() => GraphQLLocalDate, { nullable: true })
  dueOn!: string | null;

  @Field(() => String, { nullable: true })
  how!: string | null;

  @Field(() => FollowUpState)
  state!: FollowUpState;
}

@ObjectType({ description: 'A coordinated individual plan (SIP) for one child, from the initiative to its closure.' })
export class Sip {
  @Field(() => ID)
  id!: string;

  childId!: string;

  @Field(() => SipStatus)
  status!: SipStatus;

  @Field(() => [String], { description: 'The questions (frågeställningar) the SIP addresses.' })
  questions!: string[];

  @Field(() => DateTime)
  initiatedAt!: Date;

  @Field(() => FamilyAnswerRecord, { nullable: true, description: 'Null until the family has answered.' })
  familyAnswer!: FamilyAnswerRecord | null;

  @Field(() => FamilyWishes)
  familyWishes!: FamilyWishes;

  @Field(() => Boolean, {
    description: 'The guardians let the child read the plan’s summary written for them, at any age (from 15, always).',
  })
  childMayReadSummary!: boolean;

  @Field(() => Closure, { nullable: true })
  closure!: Closure | null;
}
