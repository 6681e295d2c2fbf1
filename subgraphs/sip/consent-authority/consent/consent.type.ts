import { DateTime } from '../../../../lib/scalars.ts';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentForm } from '../../../../prisma/sip/client/enums.ts';
import { Agency, ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { DENIAL_REASONS } from '../../../../lib/consent/consent-decision.ts';
import { Guardian } from '../children/guardian.type.ts';
import { ConsentRecipients } from './recipients.type.ts';

registerEnumType(ConsentForm, {
  name: 'ConsentForm',
  description:
    'IN_APP: the guardian or the child gave it themselves. WRITTEN or ORAL: staff taking part in the SIP recorded ' +
    'the family’s word.',
});

export const ConsentStatus = {
  ACTIVE: 'ACTIVE',
  NOT_YET_VALID: 'NOT_YET_VALID',
  EXPIRED: 'EXPIRED',
  WITHDRAWN: 'WITHDRAWN',
  REPLACED: 'REPLACED',
  CAME_OF_AGE: 'CAME_OF_AGE',
  PENDING: 'PENDING',
} as const;
export type ConsentStatus = keyof typeof ConsentStatus;
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description:
    'Where the consent stands at the moment of the request. PENDING: it waits for a guardian with custody ' +
    '(awaitingGuardians); the version it replaces, if any, counts until then. CAME_OF_AGE: only the guardians ' +
    'gave it, and the young person is now 18; it no longer counts, and the young person gives their own.',
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

  @Field(() => [Guardian], {
    description:
      'The guardians with custody whose word this version still waits for (status PENDING): until they give it, ' +
      'the version it replaces keeps counting. Empty once it counts.',
  })
  awaitingGuardians!: Guardian[];

  @Field(() => Boolean, { description: 'The child gave the consent (counts from 15).' })
  givenByChild!: boolean;

  @Field(() => ConsentForm)
  form!: ConsentForm;

  @Field(() => [ConsentScope], { description: 'Information categories (see consentScopes).' })
  scopes!: string[];

  @Field(() => ConsentRecipients)
  recipients!: ConsentRecipients;

  @Field(() => String)
  purpose!: string;

  @Field(() => DateTime)
  validFrom!: Date;

  @Field(() => DateTime, { description: 'Exclusive: the consent no longer holds at this instant.' })
  validUntil!: Date;

  @Field(() => String, { description: 'Who gave it in the app, or the staff member who recorded the family’s word.' })
  recordedBy!: string;

  @Field(() => Agency, { nullable: true })
  recordedByAgency!: Agency | null;

  @Field(() => ID, { nullable: true, description: 'The SIP in which staff recorded it; null when the family gave it.' })
  recordedInSipId!: string | null;

  @Field(() => Boolean, {
    description:
      'Staff recorded it on the family’s word rather than the family giving it themselves; every such consent is ' +
      'shown to the family and reviewed by a privacy officer.',
  })
  recordedByStaff!: boolean;

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

  @Field(() => ID, { nullable: true, description: 'The emergency access that granted it, when no consent did.' })
  emergencyAccessId!: string | null;
}
