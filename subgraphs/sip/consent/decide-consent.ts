import type { ConsentDecision, DenialReason } from '../../../lib/consent/consent-decision.ts';
import type { Agency } from '../../../schema/agencies.ts';
import { ageOn, OWN_CONSENT_AGE } from '../age.ts';

/** A consent as the rule sees it, with its withdrawal and replacement folded in. */
export interface ConsentFacts {
  id: string;
  guardianIds: string[];
  givenByChild: boolean;
  scopes: string[];
  agencies: Agency[];
  validFrom: Date;
  validUntil: Date;
  recordedAt: Date;
  withdrawnAt: Date | null;
  /** When a newer version replaced it. */
  replacedAt: Date | null;
}

export interface ChildFacts {
  dateOfBirth: Date;
  /** Guardians with custody (vårdnadshavare). */
  custodianIds: string[];
}

export interface ConsentQuestionFacts {
  scope: string;
  /** The requester's agency; null (a guardian, a child, a privacy officer) is never covered. */
  agency: Agency | null;
  at: Date;
}

/**
 * THE RULE. A cross-agency read of `scope` by `agency` at instant `at` is granted only if one
 * consent for the child, recorded by `at` and not replaced by then, passes every check below.
 * The checks run in this order; a refusal names the first check that failed for the consent
 * that came closest to passing (a later check reached = closer).
 */
const CHECKS: Array<
  [DenialReason, (consent: ConsentFacts, child: ChildFacts, question: ConsentQuestionFacts) => boolean]
> = [
  ['SCOPE_NOT_COVERED', (consent, _, { scope }) => consent.scopes.includes(scope)],
  ['AGENCY_NOT_COVERED', (consent, _, { agency }) => agency !== null && consent.agencies.includes(agency)],
  // Every guardian with custody consented; or the child, aged 15 or more at that instant, did.
  [
    'GUARDIAN_MISSING',
    (consent, child, { at }) =>
      (consent.givenByChild && ageOn(child.dateOfBirth, at) >= OWN_CONSENT_AGE) ||
      (child.custodianIds.length > 0 && child.custodianIds.every((id) => consent.guardianIds.includes(id))),
  ],
  ['WITHDRAWN', (consent, _, { at }) => consent.withdrawnAt === null || at < consent.withdrawnAt],
  // Valid from validFrom (inclusive) until validUntil (exclusive).
  ['NOT_YET_VALID', (consent, _, { at }) => at >= consent.validFrom],
  ['EXPIRED', (consent, _, { at }) => at < consent.validUntil],
];

const inForce = (consent: ConsentFacts, at: Date) =>
  consent.recordedAt <= at && (consent.replacedAt === null || at < consent.replacedAt);

export function decideConsent(
  consents: ConsentFacts[],
  child: ChildFacts,
  question: ConsentQuestionFacts,
): ConsentDecision {
  const candidates = consents
    .filter((consent) => inForce(consent, question.at))
    .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime());
  let closest: { consent: ConsentFacts; reason: DenialReason; reached: number } | null = null;
  for (const consent of candidates) {
    const failed = CHECKS.findIndex(([, passes]) => !passes(consent, child, question));
    if (failed === -1) return { granted: true, consentId: consent.id };
    if (!closest || failed > closest.reached) closest = { consent, reason: CHECKS[failed][0], reached: failed };
  }
  return closest
    ? { granted: false, reason: closest.reason, consentId: closest.consent.id }
    : { granted: false, reason: 'NO_CONSENT', consentId: null };
}
