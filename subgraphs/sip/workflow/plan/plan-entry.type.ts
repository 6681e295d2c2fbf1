import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DENIAL_REASONS } from '../../../../policy/consent-rule.ts';
import { Agency, PlanCategory } from '../../../../lib/federation/policy-enums.ts';
import { SipParticipant } from '../process/sip.type.ts';

/**
 * Where an entry of the plan comes from and who may not see it: the same fields on every entry, sent
 * and read. The names below are type-graphql's only: the schema holds just the types a field reaches.
 */
@ObjectType('PlanEntryFields')
@InputType('PlanEntryFieldsInput')
export class PlanEntry {
  @Field(() => PlanCategory, {
    description:
      'The information category it comes from; staff of another agency see it only under consent. SHARED: seen by ' +
      'everyone taking part.',
  })
  category!: PlanCategory;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Written at the young person’s request and kept from their guardians: from 15, or younger once staff ' +
      'recorded that the child is mature enough. The guardians are not told.',
  })
  keptFromGuardians!: boolean;
}

@ObjectType({ description: 'A need, or a section of a meeting’s notes: text and where it comes from.' })
@InputType('PlanTextInput')
export class PlanText extends PlanEntry {
  @Field(() => String)
  text!: string;
}

export enum PlanSection {
  NEEDS = 'NEEDS',
  GOALS = 'GOALS',
  INTERVENTIONS = 'INTERVENTIONS',
  MEETING_NOTES = 'MEETING_NOTES',
}
registerEnumType(PlanSection, { name: 'PlanSection', description: 'A part of the plan or of a meeting.' });

export const WithheldReason = Object.fromEntries(
  [...DENIAL_REASONS, 'KEPT_FROM_GUARDIANS'].map((reason) => [reason, reason]),
) as { [K in (typeof DENIAL_REASONS)[number] | 'KEPT_FROM_GUARDIANS']: K };
export type WithheldReason = keyof typeof WithheldReason;
registerEnumType(WithheldReason, {
  name: 'PlanEntryWithheldReason',
  description:
    'Why someone does not see an entry: the consent rule’s reason, as for an agency’s fields, or ' +
    'KEPT_FROM_GUARDIANS (the young person asked).',
});

@ObjectType({
  description:
    'Entries of one category left out of the requester’s copy, and why (the consent rule’s reason, as for an ' +
    'agency’s fields). The requester’s copy, printable page, PDF and the child’s summary say that something was ' +
    'left out.',
})
export class PlanContentLeftOut {
  @Field(() => PlanSection)
  section!: PlanSection;

  @Field(() => PlanCategory)
  category!: PlanCategory;

  @Field(() => Agency, { nullable: true })
  agency!: Agency | null;

  @Field(() => Int)
  count!: number;

  @Field(() => WithheldReason)
  reason!: WithheldReason;
}

@ObjectType({
  description:
    'A participant who does not see an entry the requester sees: what staff are told when they save the plan or ' +
    'the notes.',
})
export class PlanEntryWithheld {
  @Field(() => PlanSection)
  section!: PlanSection;

  @Field(() => Int, { description: 'The entry’s place in its section, from 0, as the requester sees the section.' })
  position!: number;

  @Field(() => SipParticipant)
  participant!: SipParticipant;

  @Field(() => WithheldReason)
  reason!: WithheldReason;
}
