import { readsOwnRecords } from './agency-boundaries.ts';
import type { Agency } from './agencies.ts';
import type { ConsentDecision, DenialReason } from './consent-rule.ts';
import { Role, isStaff, type Requester } from './roles.ts';
import { CONSENT_SCOPES, type ConsentScope } from './scopes.ts';

/**
 * The plan's own text carries the same promise as an agency's fields. A need, a goal, an
 * intervention or a section of a meeting's notes names the information category it comes from (a
 * scope, and so the agency that holds it), or SHARED: what the family and everyone taking part
 * agreed on together, which every participant sees. The writer chooses; nothing is SHARED by default.
 */
export const SHARED = 'SHARED' as const;
export type PlanCategory = ConsentScope | typeof SHARED;

export const isPlanCategory = (value: string): value is PlanCategory =>
  value === SHARED || Object.hasOwn(CONSENT_SCOPES, value);

/** The agency an entry comes from; null for the shared text. */
export const agencyOfCategory = (category: PlanCategory): Agency | null =>
  category === SHARED ? null : CONSENT_SCOPES[category].agency;

/** What the rule reads of one entry of the plan. */
export interface PlanEntryFacts {
  category: PlanCategory;
  /** The young person asked that their guardians not see it (young-persons-sphere.ts). */
  keptFromGuardians: boolean;
  /** The agency's own record an intervention shows, if any: a record the family blocked keeps the entry too. */
  agencyRecordId?: string | null;
}

/**
 * Who reads an entry, as this rule sees them: the young person, another member of the family (a
 * guardian, or a relative the family invited), or staff of an agency (null for anyone else, who has
 * no relation to the plan's categories). From a token (planReaderOf) or a participant of the SIP
 * (planReaderOfParticipant), so that staff are told who will not see what they write.
 */
export type PlanReader = { family: 'CHILD' | 'GUARDIAN' | 'RELATIVE' } | { family: null; agency: Agency | null };

export const planReaderOf = (requester: Requester): PlanReader =>
  requester.role === Role.Child
    ? { family: 'CHILD' }
    : requester.role === Role.Guardian
      ? { family: 'GUARDIAN' }
      : { family: null, agency: isStaff(requester) ? requester.agency : null };

export const planReaderOfParticipant = (participant: {
  kind: 'STAFF' | 'GUARDIAN' | 'CHILD' | 'RELATIVE';
  agency: Agency | null;
}): PlanReader =>
  participant.kind === 'STAFF' ? { family: null, agency: participant.agency } : { family: participant.kind };

/**
 * The scope a reader needs a consent decision for before they see the entry, or null when seeing it
 * does not hang on consent: the family, the shared text, and an agency's own staff reading what
 * their agency wrote. Staff of another agency are decided by THE RULE (consent-rule.ts), blocks
 * first, exactly as for that agency's fields, and the decision is logged the same way.
 */
export function scopeToDecide(reader: PlanReader, entry: PlanEntryFacts): ConsentScope | null {
  if (reader.family !== null || entry.category === SHARED) return null;
  return readsOwnRecords(reader.agency, agencyOfCategory(entry.category)) ? null : entry.category;
}

/** Why an entry is not shown: the consent rule's reason, or the young person's wish. */
export type WithheldReason = DenialReason | 'KEPT_FROM_GUARDIANS';

export type EntrySight =
  | { shown: true }
  /**
   * `toldLeftOut`: the reader's copy says that something was left out, and why. Not for what a young
   * person keeps from their family: that anything is kept is not shown to them.
   */
  | { shown: false; reason: WithheldReason; toldLeftOut: boolean };

/**
 * Whether `reader`, who may see the SIP, sees the entry. The family sees every entry, except that
 * only the young person sees what they asked to keep from their guardians (and from relatives taking
 * part). `decision` is THE RULE's answer for scopeToDecide(reader, entry); without one where one is
 * needed, nothing is shown.
 */
export function entrySight(reader: PlanReader, entry: PlanEntryFacts, decision?: ConsentDecision): EntrySight {
  if (entry.keptFromGuardians && (reader.family === 'GUARDIAN' || reader.family === 'RELATIVE'))
    return { shown: false, reason: 'KEPT_FROM_GUARDIANS', toldLeftOut: false };
  if (scopeToDecide(reader, entry) === null) return { shown: true };
  if (!decision) return { shown: false, reason: 'NO_CONSENT', toldLeftOut: true };
  if (!decision.granted) return { shown: false, reason: decision.reason, toldLeftOut: true };
  const recordBlocked = entry.agencyRecordId != null && decision.blockedRecordIds?.includes(entry.agencyRecordId);
  return recordBlocked ? { shown: false, reason: 'BLOCKED', toldLeftOut: true } : { shown: true };
}

/**
 * The scope of an intervention's entry must be one of the responsible agency's own categories, or
 * SHARED: an intervention is what that agency does. Returns why not, or null.
 */
export const interventionCategoryRefusal = (agency: Agency, category: PlanCategory): string | null =>
  category === SHARED || agencyOfCategory(category) === agency
    ? null
    : `an intervention of ${agency} names one of ${agency}'s categories, or SHARED`;
