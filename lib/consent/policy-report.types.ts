/**
 * The policy report and diff as `npm run policy:report`, `npm run policy:diff` and the privacy
 * officer's console (through the gateway's /privacy/api) read them. Types only, with no imports, so
 * the console's browser build can share them.
 */

/** A field one subgraph contributes to an entity another subgraph owns, with its policy. */
export interface PolicyField {
  /** `Type.field`, e.g. `Child.careContacts`. */
  field: string;
  /** The subgraph that resolves it, and the agency that owns that subgraph's data. */
  subgraph: string;
  agency: string | null;
  /** The `@consent` scope; null for an exempt field or one without a policy. */
  scope: string | null;
  /** What the scope covers, from the catalogue (`policy/scopes.ts`); null for an unknown scope. */
  covers: string | null;
  /** Other fields under the same scope: a consent to the scope releases them all. */
  sharesScopeWith: string[];
  /** The `@consentExempt` reason; null unless exempt. */
  exemptReason: string | null;
}

export interface PolicyReport {
  guarded: PolicyField[];
  exempt: PolicyField[];
  /** Cross-agency fields with neither a scope nor an exemption (composition refuses these). */
  withoutPolicy: PolicyField[];
}

export interface PolicyChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface PolicyDiff {
  /** Crossed the boundary unguarded (exempt or without policy) before, and is guarded now. */
  becameGuarded: PolicyChange[];
  /** Was guarded, and is exempt or without a policy now. */
  becameUnguarded: PolicyChange[];
  changedScope: PolicyChange[];
  /** New cross-agency fields with neither a scope nor an exemption. */
  addedWithoutPolicy: PolicyChange[];
  /** New cross-agency fields, guarded or exempt. */
  added: PolicyChange[];
  removed: PolicyChange[];
}
