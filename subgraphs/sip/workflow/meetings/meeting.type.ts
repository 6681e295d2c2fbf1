import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MeetingKind, MeetingMode } from '../../../../prisma/sip/client/enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';

registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description:
    'FAMILY_PRE_MEETING (förmöte with the family), AGENCY_PRE_MEETING (without the family), SIP_MEETING, FOLLOW_UP ' +
    '(uppföljning).',
});
registerEnumType(MeetingMode, {
  name: 'MeetingMode',
  description: 'HYBRID: in a room, with some participants joining digitally.',
});

/**
 * When and where a meeting is: the same fields when it is scheduled or moved (MeetingTimeInput) and read.
 * The names below are type-graphql's only: the schema holds just the types a field or argument reaches.
 */
@ObjectType('MeetingTimeFields')
@InputType('MeetingTimeFieldsInput')
export class MeetingTime {
  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => MeetingMode)
  mode!: MeetingMode;

  @Field(() => String, { nullable: true, description: 'Where it is held; required in person and hybrid.' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to join digitally; required digital and hybrid.' })
  link?: string | null;
}

@ObjectType({ description: 'A meeting in the SIP process.' })
export class Meeting extends MeetingTime {
  @Field(() => ID)
  id!: string;

  sipId!: string;
  chairId!: string;
  secretaryId!: string | null;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the meeting was recorded as held; null while it is only scheduled.',
  })
  heldAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the meeting was called off; a cancelled meeting is never held.',
  })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason!: string | null;
}

/**
 * SIP-kollen's answers: the same fields when given (SipFeedbackInput) and read (SipFeedback).
 * The names below are type-graphql's only: the schema holds just the types a field or argument reaches.
 */
@ObjectType('SipFeedbackAnswersFields')
@InputType('SipFeedbackAnswersFieldsInput')
export class SipFeedbackAnswers {
  @Field(() => Int, { description: 'I was listened to: 1 (not at all) to 5 (completely).' })
  listenedTo!: number;

  @Field(() => Int, { description: 'I understood what was decided: 1 to 5.' })
  understood!: number;

  @Field(() => Int, { description: 'The meeting helped: 1 to 5.' })
  helpful!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@ObjectType({
  description: 'SIP-kollen: short feedback from the child or family after a meeting. Who gave it is not shown.',
})
export class SipFeedback extends SipFeedbackAnswers {
  @Field(() => DateTime)
  givenAt!: Date;
}
