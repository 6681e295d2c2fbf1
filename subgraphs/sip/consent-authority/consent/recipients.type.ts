import { Field, InputType, ObjectType } from 'type-graphql';
import { Agency } from '../../../../lib/federation/policy-enums.ts';

@ObjectType({ description: 'A unit, or one person at a unit, that a consent names as a recipient.' })
export class NamedRecipient {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => String, { nullable: true, description: 'The person (their login subject); null: anyone at the unit.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The person’s name, as the family was told it.' })
  name!: string | null;
}

@ObjectType({
  description:
    'Who receives under a consent. By default the staff taking part in the SIPs it is linked to, at their ' +
    'units, while they take part; the family may name units or people, or, as a broader choice, whole agencies.',
})
export class ConsentRecipients {
  @Field(() => Boolean, { description: 'The staff taking part in the linked SIPs receive, while they take part.' })
  sipParticipants!: boolean;

  @Field(() => [NamedRecipient])
  named!: NamedRecipient[];

  @Field(() => [Agency], { description: 'Whole agencies: everyone at them receives. A broader choice.' })
  wholeAgencies!: Agency[];
}

@InputType()
export class NamedRecipientInput {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => String, { nullable: true, description: 'One person at the unit (their login subject).' })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType({ description: 'Who receives. Leave out for the default: the staff taking part in the linked SIP.' })
export class ConsentRecipientsInput {
  @Field(() => Boolean, { defaultValue: true })
  sipParticipants!: boolean;

  @Field(() => [NamedRecipientInput], { defaultValue: [] })
  named!: NamedRecipientInput[];

  @Field(() => [Agency], { defaultValue: [], description: 'Whole agencies: a broader choice, shown as such.' })
  wholeAgencies!: Agency[];
}
