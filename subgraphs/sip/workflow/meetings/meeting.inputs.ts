import { Field, ID, InputType } from 'type-graphql';
import { MeetingKind } from '../../../../prisma/sip/client/enums.ts';
import { MeetingTime, SipFeedbackAnswers } from './meeting.type.ts';

@InputType({ description: 'When and where a meeting is.' })
export class MeetingTimeInput extends MeetingTime {}

@InputType()
export class ScheduleMeetingInput extends MeetingTimeInput {
  @Field(() => ID)
  sipId!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => ID, { description: 'A staff participant among the invited.' })
  chairId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A staff participant among the invited; required for SIP and follow-up meetings.',
  })
  secretaryId?: string | null;

  @Field(() => [ID], { description: 'Participants of the SIP to invite.' })
  invitedIds!: string[];
}

@InputType({ description: 'SIP-kollen: each answer from 1 (not at all) to 5 (completely).' })
export class SipFeedbackInput extends SipFeedbackAnswers {}
