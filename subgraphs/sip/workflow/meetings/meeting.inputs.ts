import { Field, ID, InputType, Int } from 'type-graphql';
import { MeetingKind, MeetingMode } from '../../../../prisma/sip/client/enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';

@InputType({ description: 'When and where a meeting is.' })
export class MeetingTimeInput {
  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => MeetingMode)
  mode!: MeetingMode;

  @Field(() => String, { nullable: true, description: 'Required in person and hybrid.' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Required digital and hybrid.' })
  link?: string | null;
}

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
export class SipFeedbackInput {
  @Field(() => Int, { description: 'I was listened to.' })
  listenedTo!: number;

  @Field(() => Int, { description: 'I understood what was decided.' })
  understood!: number;

  @Field(() => Int, { description: 'The meeting helped.' })
  helpful!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}
