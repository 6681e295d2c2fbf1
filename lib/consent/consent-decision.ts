import type { ConsentScope } from '../../schema/consent-scopes.ts';

/** Why a cross-agency read was refused. Stable values: clients and the audit log use them. */
export const DENIAL_REASONS = [
  'NO_CONSENT',
  'SCOPE_NOT_COVERED',
  'AGENCY_NOT_COVERED',
  'GUARDIAN_MISSING',
  'WITHDRAWN',
  'NOT_YET_VALID',
  'EXPIRED',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export type ConsentDecision =
  | { granted: true; consentId: string }
  /** consentId names the consent that came closest, when there was one. */
  | { granted: false; reason: DenialReason; consentId: string | null };

/** One question to the SIP core: may the requester's agency read this child's data in this scope now? */
export interface ConsentQuestion {
  childId: string;
  scope: ConsentScope;
  /** The fields asked for under that scope, for the audit log (e.g. `Child.careContacts`). */
  fields: string[];
}

/** The body of POST /consent/decisions on the SIP core. The requester comes from the signed context header. */
export interface ConsentDecisionRequest {
  subgraph: string;
  questions: ConsentQuestion[];
}

export interface ConsentDecisionResponse {
  decisions: Array<ConsentDecision & { childId: string; scope: string }>;
}

export const CONSENT_DECISIONS_PATH = '/consent/decisions';
