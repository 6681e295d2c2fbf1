import { DateTime } from '../../../lib/scalars.ts';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agency, ConsentScope } from '../../../lib/federation/policy-enums.ts';
import { DenialReason } from '../consent/consent.type.ts';

@ObjectType({
  description:
    'One decision about releasing another agency’s data: who, which child, what, under which consent, and the outcome.',
})
export class ConsentAuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The gateway request the decision belonged to.' })
  requestId!: string;

  @Field(() => String)
  requesterSubject!: string;

  @Field(() => String)
  requesterRole!: string;

  @Field(() => Agency, { nullable: true })
  requesterAgency!: Agency | null;

  @Field(() => String, { nullable: true })
  requesterUnit!: string | null;

  @Field(() => ID)
  childId!: string;

  @Field(() => ConsentScope)
  scope!: string;

  @Field(() => [String], { description: 'The fields asked for, e.g. Child.careContacts.' })
  fields!: string[];

  @Field(() => String, { description: 'The subgraph that holds the data.' })
  subgraph!: string;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => DenialReason, { nullable: true })
  reason!: keyof typeof DenialReason | null;

  @Field(() => ID, { nullable: true })
  consentId!: string | null;

  @Field(() => DateTime)
  decidedAt!: Date;
}
