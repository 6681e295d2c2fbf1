import { DateTime } from '../../../lib/scalars.ts';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentForm } from '../../../prisma/sip/client/enums.ts';
import { Agency, ConsentScope } from '../../../lib/federation/policy-enums.ts';
import { DENIAL_REASONS } from '../../../lib/consent/consent-decision.ts';
import { Guardian } from '../guardian.type.ts';

registerEnumType(ConsentForm, {
  name: 'ConsentForm',
  description: 'Written or oral; either way it is documented here.',
});

export const ConsentStatus = {
  ACTIVE: 'ACTIVE',
  NOT_YET_VALID: 'NOT_YET_VALID',
  EXPIRED: 'EXPIRED',
  WITHDRAWN: 'WITHDRAWN',
  REPLACED: 'REPLACED',
} as const;
export type ConsentStatus = keyof typeof ConsentStatus;
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Where the consent stands at the moment of the request.',
});

export const DenialReason = Object.fromEntries(DENIAL_REASONS.map((reason) => [reason, reason])) as {
  [K in (typeof DENIAL_REASONS)[number]]: K;
};
registerEnumType(DenialReason, { name: 'ConsentDenialReason' });

@ObjectType()
export class ConsentWithdrawal {
  @Field(() => DateTime)
  withdrawnAt!: Date;

  @Field(() => String, { description: 'The subject of whoever withdrew it.' })
  withdrawnBy!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: 'A recorded consent (samtycke) to share information between agencies about a child.' })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => [Guardian], { description: 'The guardians who gave the consent.' })
  givenByGuardians!: Guardian[];

  @Field(() => Boolean, { description: 'The child gave the consent (counts from 15).' })
  givenByChild!: boolean;

  @Field(() => ConsentForm)
  form!: ConsentForm;

  @Field(() => [ConsentScope], { description: 'Information categories (see consentScopes).' })
  scopes!: string[];

  @Field(() => [Agency], { description: 'Agencies allowed to receive.' })
  agencies!: Agency[];

  @Field(() => String)
  purpose!: string;

  @Field(() => DateTime)
  validFrom!: Date;

  @Field(() => DateTime, { description: 'Exclusive: the consent no longer holds at this instant.' })
  validUntil!: Date;

  @Field(() => String)
  recordedBy!: string;

  @Field(() => Agency, { nullable: true })
  recordedByAgency!: Agency | null;

  @Field(() => DateTime)
  recordedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The earlier version this one replaced.' })
  replacesId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The newer version that replaced this one.' })
  replacedById!: string | null;

  @Field(() => ConsentWithdrawal, { nullable: true })
  withdrawal!: ConsentWithdrawal | null;

  @Field(() => ConsentStatus)
  status!: ConsentStatus;
}

@ObjectType({ description: 'An information category a consent can cover.' })
export class ConsentScopeInfo {
  @Field(() => ConsentScope)
  scope!: string;

  @Field(() => Agency, { description: 'The agency whose data it is.' })
  agency!: Agency;

  @Field(() => String)
  description!: string;
}

@ObjectType({ description: 'What the consent rule decides for one child, scope and agency at one instant.' })
export class ConsentDecisionResult {
  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => DenialReason, { nullable: true })
  reason!: keyof typeof DenialReason | null;

  @Field(() => ID, { nullable: true, description: 'The consent that granted it, or came closest.' })
  consentId!: string | null;
}
