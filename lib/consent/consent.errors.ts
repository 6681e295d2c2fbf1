import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
import type { DenialReason } from './consent-decision.ts';
import { familyRefusal, type FamilyReader } from './family-refusals.ts';

const REASON_TEXT: Record<DenialReason, string> = {
  BLOCKED: 'the family has blocked this information from the requester',
  NO_RELATION: 'the requester takes part in none of the child’s open SIPs and no consent names them',
  NO_CONSENT: 'no consent is recorded for this child',
  SCOPE_NOT_COVERED: 'no consent covers this information category',
  RECIPIENT_NOT_COVERED: 'no consent names the requester, or their unit, as a recipient',
  GUARDIAN_MISSING: 'not every guardian with custody has consented',
  CAME_OF_AGE: 'the young person is 18: a consent only their guardians gave no longer counts',
  WITHDRAWN: 'the consent was withdrawn',
  NOT_YET_VALID: 'the consent is not valid yet',
  EXPIRED: 'the consent has expired',
};

/**
 * A guarded field withheld because no recorded consent releases it now. Addressed to the family
 * (`family`), the message says why in plain words; the code and reason are the same for everyone.
 */
export class ConsentRequiredError extends GraphQLError {
  constructor(
    path: ReadonlyArray<string | number>,
    scope: string,
    reason: DenialReason,
    consentId: string | null,
    family?: FamilyReader,
  ) {
    super(family ? familyRefusal(reason, scope, family) : `Consent required for ${scope}: ${REASON_TEXT[reason]}`, {
      path,
      extensions: { code: ErrorCode.ConsentRequired, scope, reason, ...(consentId && { consentId }) },
    });
  }
}

/** A guarded field withheld because the decision could not be made (SIP core down, timeout, bad answer). */
export class ConsentUnavailableError extends GraphQLError {
  constructor(path: ReadonlyArray<string | number>, scope: string, family?: FamilyReader) {
    super(
      family
        ? familyRefusal('UNAVAILABLE', scope, family)
        : `Consent could not be checked for ${scope}; the field is withheld`,
      {
        path,
        extensions: { code: ErrorCode.ConsentUnavailable, scope },
      },
    );
  }
}

/**
 * Records left out of a served list because the family blocked them one by one: the reader learns
 * that blocked information exists and how much, not what.
 */
export class RecordsLeftOutError extends GraphQLError {
  constructor(path: ReadonlyArray<string | number>, scope: string, leftOut: number) {
    super(`Left out ${leftOut} of the child’s records in ${scope}: the family has blocked them`, {
      path,
      extensions: { code: ErrorCode.RecordsLeftOut, scope, reason: 'BLOCKED', leftOut },
    });
  }
}
