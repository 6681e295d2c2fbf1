import type { ConsentScope } from '../../policy/scopes.ts';

import type { ConsentDecision } from '../../policy/consent-rule.ts';

export { DENIAL_REASONS, type ConsentDecision, type DenialReason } from '../../policy/consent-rule.ts';

/** One question to the SIP core: may the requester read this child's data in this scope now? */
export interface ConsentQuestion {
  childId: string;
  scope: ConsentScope;
  /** The fields asked for under that scope, for the audit log (e.g. `Child.careContacts`). */
  fields: string[];
}

/** The body of POST /consent/decisions on the SIP core. The requester is the one whose token the call carries. */
export interface ConsentDecisionRequest {
  questions: ConsentQuestion[];
  /** Confirmations of earlier requests' releases, which ride along (see `createReleaseOutbox`). */
  releases?: ConsentRelease[];
}

export interface ConsentDecisionResponse {
  decisions: Array<ConsentDecision & { childId: string; scope: string }>;
}

export const CONSENT_DECISIONS_PATH = '/consent/decisions';

/** One request's questions, in a call that carries several requests' (each with its reader's own token). */
export interface ConsentDecisionAsk {
  requestId: string;
  token: string;
  questions: ConsentQuestion[];
}

/**
 * The body of POST /consent/decision-batches: the questions of several requests that reached one
 * subgraph together, in one call signed by it. Each is decided for the reader whose token it carries.
 */
export interface ConsentDecisionBatchRequest {
  asks: ConsentDecisionAsk[];
  releases?: ConsentRelease[];
}

/** Each ask's decisions, or why it got none (its token was refused): in the order asked. */
export interface ConsentDecisionBatchResponse {
  answers: Array<{ requestId: string } & (ConsentDecisionResponse | { error: string })>;
}

export const CONSENT_DECISION_BATCHES_PATH = '/consent/decision-batches';

/** One (child, scope) of a request, as the asking subgraph served it: released, or withheld after all. */
export interface ConsentRelease {
  requestId: string;
  childId: string;
  scope: string;
  released: boolean;
}

/** The body of POST /consent/releases: what the subgraph did with each pair it asked about. */
export interface ConsentReleaseRequest {
  releases: ConsentRelease[];
}

export const CONSENT_RELEASES_PATH = '/consent/releases';
