import { Field, ID, InputType, Int } from 'type-graphql';
import { ParticipantKind } from '../../../../prisma/sip/client/enums.ts';
import { Agency } from '../../../../lib/federation/policy-enums.ts';

@InputType({ description: 'An agency unit to invite.' })
export class InvitationInput {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Days the unit has to answer before the invitation is flagged; 5 unless given, at most 30.',
  })
  answerWithinDays?: number | null;
}

/** What starting a SIP takes, from staff: for a child they name (InitiateSipInput) or a family's request. */
@InputType({ description: 'What staff starting a SIP state: the questions, the units invited, themselves.' })
export class InitiativeInput {
  @Field(() => [String], { description: 'The questions (frågeställningar) the SIP is to address; at least one.' })
  questions!: string[];

  @Field(() => [InvitationInput], { description: 'Units to invite; with the initiator’s own, at least two agencies.' })
  invitations!: InvitationInput[];

  @Field(() => String, { description: "The initiator's professional role, e.g. kurator." })
  initiatorTitle!: string;

  @Field(() => String, { nullable: true })
  initiatorPhone?: string | null;

  @Field(() => String, { nullable: true })
  initiatorEmail?: string | null;
}

@InputType()
export class InitiateSipInput extends InitiativeInput {
  @Field(() => ID)
  childId!: string;
}

@InputType({ description: 'Someone to add to the SIP. What is required depends on the kind; see each field.' })
export class AddParticipantInput {
  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => String, {
    nullable: true,
    description:
      "STAFF: the staff member's login subject. GUARDIAN: the guardian's id. Not given for CHILD or RELATIVE.",
  })
  subject?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'STAFF and RELATIVE. Guardians and the child are named from the register.',
  })
  name?: string | null;

  @Field(() => Agency, { nullable: true, description: 'STAFF only.' })
  agency?: Agency | null;

  @Field(() => String, { nullable: true, description: 'STAFF only.' })
  unit?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'STAFF: professional role. RELATIVE: relation to the child (e.g. mormor). Required for both.',
  })
  title?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType({ description: "The family's practical wishes; a field left out or blank clears that wish." })
export class FamilyWishesInput {
  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true })
  time?: string | null;

  @Field(() => String, { nullable: true })
  breaks?: string | null;

  @Field(() => String, { nullable: true })
  interpreterLanguage?: string | null;

  @Field(() => String, { nullable: true })
  notesDelivery?: string | null;
}
