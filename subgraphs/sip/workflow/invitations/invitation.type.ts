import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InvitationAnswerKind } from '../../../../prisma/sip/client/enums.ts';
import { Agency } from '../../../../lib/federation/policy-enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';
import { SipParticipant } from '../process/sip.type.ts';

registerEnumType(InvitationAnswerKind, {
  name: 'InvitationAnswerKind',
  description: 'The unit takes part (and names who attends), forwarded it to another unit, or declined.',
});

@ObjectType({ description: 'How an invited unit answered.' })
export class InvitationAnswer {
  @Field(() => InvitationAnswerKind)
  kind!: InvitationAnswerKind;

  @Field(() => SipParticipant, { nullable: true, description: 'ACCEPTED: who attends for the unit.' })
  attendee!: SipParticipant | null;

  @Field(() => String, { nullable: true, description: 'FORWARDED: the unit of the same agency it went to.' })
  forwardedToUnit!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'FORWARDED: the note to that unit; DECLINED: why, as the coordinator and the family read it.',
  })
  note!: string | null;

  @Field(() => String, { description: 'Who answered for the unit.' })
  answeredBy!: string;

  @Field(() => DateTime)
  answeredAt!: Date;
}

@ObjectType({ description: 'An agency unit invited to take part, and its answer.' })
export class SipInvitation {
  @Field(() => ID)
  id!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => DateTime, { description: 'When it was invited: with the SIP, or when another unit forwarded it.' })
  invitedAt!: Date;

  @Field(() => DateTime, { description: 'The unit is asked to answer by then.' })
  answerBy!: Date;

  @Field(() => Boolean, { description: 'Not answered, and the time to answer has passed.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true, description: 'The unit that forwarded the invitation here.' })
  forwardedFromUnit!: string | null;

  @Field(() => InvitationAnswer, { nullable: true, description: 'Null while it waits for an answer.' })
  answer!: InvitationAnswer | null;
}

@ObjectType({ description: 'Who invited a unit: the staff member who started the SIP.' })
export class InvitedBy {
  @Field(() => String)
  name!: string;

  @Field(() => Agency, { nullable: true })
  agency!: Agency | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType({ description: "An invitation in the unit's inbox: what the unit needs to decide whether and who." })
export class UnitInvitation extends SipInvitation {
  @Field(() => ID)
  sipId!: string;

  @Field(() => String, { description: "The child's name." })
  childName!: string;

  @Field(() => [String], { description: 'The questions the SIP is to address.' })
  questions!: string[];

  @Field(() => InvitedBy)
  invitedBy!: InvitedBy;

  @Field(() => String, { nullable: true, description: 'The note of the unit that forwarded it here.' })
  forwardNote!: string | null;
}

@ObjectType({ description: "How many invitations wait at the requester's unit, and how many of them are late." })
export class InvitationCounts {
  @Field(() => Int)
  waiting!: number;

  @Field(() => Int)
  overdue!: number;
}

@InputType({
  description:
    'Taking part: the one answering attends for the unit, reachable as given here; or a colleague of the unit, ' +
    'found in the staff directory, with name, title and contact from it.',
})
export class AcceptInvitationInput {
  @Field(() => String, {
    nullable: true,
    description: 'A colleague at the invited unit who attends instead (`StaffMember.directoryId`).',
  })
  attendeeDirectoryId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The attendee's professional role, e.g. skolsköterska; required unless a colleague attends.",
  })
  title?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Where their summonses are sent.' })
  email?: string | null;
}
