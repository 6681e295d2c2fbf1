import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../../../lib/scalars.ts';
import { SipParticipant } from '../process/sip.type.ts';

@InputType({ description: 'What the child thinks, in their own words, and who taking part may read it.' })
export class ChildViewInput {
  @Field(() => String)
  text!: string;

  @Field(() => ID, { nullable: true, description: 'The meeting it is about, before or after it; none for the SIP.' })
  meetingId?: string | null;

  @Field(() => [ID], { description: 'Participant ids of this SIP the child chooses to read it; may be none.' })
  shareWith!: string[];
}

@ObjectType({
  description:
    'The child’s own views (barnets röst), read by the child and by the participants the child chose, while they ' +
    'take part; nobody else, guardians included unless chosen.',
})
export class ChildView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  text!: string;

  @Field(() => ID, { nullable: true })
  meetingId!: string | null;

  @Field(() => DateTime)
  writtenAt!: Date;

  @Field(() => [SipParticipant], { description: 'Who the child chose to read it.' })
  sharedWith!: SipParticipant[];
}

@ObjectType({ description: 'For the child: an open SIP about them, who takes part in it, and what they have said.' })
export class ChildVoice {
  @Field(() => ID)
  sipId!: string;

  @Field(() => [SipParticipant], { description: 'Who takes part now: those the child may choose to read their views.' })
  participants!: SipParticipant[];

  @Field(() => [ChildView], { description: 'What the child has said, oldest first.' })
  views!: ChildView[];
}
