import { isOfAge, speaksForThemselves } from './age.ts';
import { isStaff, type Requester } from './roles.ts';
import { blockedRecordsFor, blockFor, recordsBlockedInScope, type BlockFacts } from './blocks.ts';
import { emergencyAccessFor, type EmergencyAccessFacts } from './emergency-access.ts';
import { hasRelation, receivesUnder, type ConsentRecipients, type Reader, type SipFacts } from './recipients.ts';

/** Why a cross-agency read was refused. Stable values: clients and the audit log use them. */
export const DENIAL_REASONS = [
  'BLOCKED',
  'NO_RELATION',
  'NO_CONSENT',
  'SCOPE_NOT_COVERED',
  'RECIPIENT_NOT_COVERED',
  'GUARDIAN_MISSING',
  'CAME_OF_AGE',
  'WITHDRAWN',
  'NOT_YET_VALID',
  'EXPIRED',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export type ConsentDecision =
  /**
   * Granted by a consent, or (consentId null) by the reader's own emergency access. The records
   * the family blocked one by one are still left out (`blockedRecordIds`, when there are any), and
   * the reader is told how many of this scope's records are kept from them (`recordsLeftOut`).
   */
  | {
      granted: true;
      consentId: string | null;
      emergencyAccessId?: string;
      blockedRecordIds?: string[];
      recordsLeftOut?: number;
    }
  /** consentId names the consent that came closest, when there was one. */
  | { granted: false; reason: DenialReason; consentId: string | null; blockId?: string };

/** A consent as the rule sees it, with its withdrawal and replacement folded in. */
export interface ConsentFacts extends ConsentValidity {
  id: string;
  guardianIds: string[];
  givenByChild: boolean;
  scopes: string[];
  recipients: ConsentRecipients;
  /** The SIPs it was linked to, and when. */
  sipLinks: Array<{ sipId: string; linkedAt: Date }>;
  recordedAt: Date;
}

export interface ChildFacts {
  dateOfBirth: Date;
  /** Guardians with custody (vårdnadshavare). */
  custodianIds: string[];
  /** Every SIP about the child, open or closed, with its participants past and present. */
  sips: SipFacts[];
  /** Emergency accesses opened to the child's data. */
  emergencyAccesses: EmergencyAccessFacts[];
  /** Blocks the family placed on the child's data. */
  blocks: BlockFacts[];
}

export interface ConsentQuestionFacts {
  scope: string;
  /** Who reads, from their token at the instant of the read. */
  reader: Reader;
  at: Date;
}

/** When a consent stops or starts counting, the same for the rule and for a consent's shown status. */
export interface ConsentValidity {
  validFrom: Date;
  validUntil: Date;
  withdrawnAt: Date | null;
  /** When a newer version replaced it. */
  replacedAt: Date | null;
}

const withdrawnBy = (consent: ConsentValidity, at: Date) => consent.withdrawnAt !== null && consent.withdrawnAt <= at;
const replacedBy = (consent: ConsentValidity, at: Date) => consent.replacedAt !== null && consent.replacedAt <= at;
// Valid from validFrom (inclusive) until validUntil (exclusive).
const startedBy = (consent: ConsentValidity, at: Date) => consent.validFrom <= at;
const endedBy = (consent: ConsentValidity, at: Date) => consent.validUntil <= at;

export type ConsentStatus =
  'ACTIVE' | 'WITHDRAWN' | 'REPLACED' | 'CAME_OF_AGE' | 'PENDING' | 'NOT_YET_VALID' | 'EXPIRED';

/** Whose word a version carries, as deciding whether it counts needs it. */
export interface ConsentGivers {
  guardianIds: readonly string[];
  givenByChild: boolean;
}

/**
 * Whether a version carries the word of everyone it needs at `at`: every guardian with custody, or
 * the child from 15; from 18, the young person alone.
 */
export const givenByTheRightPeople = (
  consent: ConsentGivers,
  child: Pick<ChildFacts, 'dateOfBirth' | 'custodianIds'>,
  at: Date,
): boolean =>
  isOfAge(child.dateOfBirth, at)
    ? consent.givenByChild
    : (consent.givenByChild && speaksForThemselves(child.dateOfBirth, at)) ||
      (child.custodianIds.length > 0 && child.custodianIds.every((id) => consent.guardianIds.includes(id)));

/**
 * A consent's status at an instant, as shown to the family and to staff. Given the child, a
 * version still waiting for a guardian's word shows PENDING, and one only the guardians gave shows
 * that it stopped counting when the child came of age.
 */
export function consentStatusAt(
  consent: ConsentValidity & Partial<ConsentGivers>,
  at: Date,
  child?: Pick<ChildFacts, 'dateOfBirth' | 'custodianIds'>,
): ConsentStatus {
  if (withdrawnBy(consent, at)) return 'WITHDRAWN';
  if (replacedBy(consent, at)) return 'REPLACED';
  if (child && !consent.givenByChild && isOfAge(child.dateOfBirth, at)) return 'CAME_OF_AGE';
  if (child && consent.guardianIds && !givenByTheRightPeople(consent as ConsentGivers, child, at)) return 'PENDING';
  if (!startedBy(consent, at)) return 'NOT_YET_VALID';
  if (endedBy(consent, at)) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * THE RULE. A cross-agency read of `scope` by a staff member at instant `at` is granted only if
 * they have a relation to the child (need to know: they take part in one of the child's open SIPs,
 * or a consent in force names them; a refusal then says why that consent does not count), and one
 * consent for the child, recorded by `at` and not replaced by then, passes every check below. The
 * checks run in this order; a refusal names the first check that failed for the consent that came
 * closest to passing (a later check reached = closer).
 */
const CHECKS: Array<
  [DenialReason, (consent: ConsentFacts, child: ChildFacts, question: ConsentQuestionFacts) => boolean]
> = [
  ['SCOPE_NOT_COVERED', (consent, _, { scope }) => consent.scopes.includes(scope)],
  // The reader receives under it: named by it, or taking part in a SIP it is linked to, at their unit.
  ['RECIPIENT_NOT_COVERED', (consent, child, { reader, at }) => receivesUnder(consent, child.sips, reader, at)],
  // From 18 only the young person's own word counts: a consent their guardians gave for them stops.
  ['CAME_OF_AGE', (consent, child, { at }) => consent.givenByChild || !isOfAge(child.dateOfBirth, at)],
  // Every guardian with custody consented; or the child, aged 15 or more at that instant, did.
  ['GUARDIAN_MISSING', (consent, child, { at }) => givenByTheRightPeople(consent, child, at)],
  ['WITHDRAWN', (consent, _, { at }) => !withdrawnBy(consent, at)],
  ['NOT_YET_VALID', (consent, _, { at }) => startedBy(consent, at)],
  ['EXPIRED', (consent, _, { at }) => !endedBy(consent, at)],
];

/** A version counts from when it was recorded until a newer version replaces it. */
export const inForce = (consent: ConsentValidity & { recordedAt: Date }, at: Date) =>
  consent.recordedAt <= at && !replacedBy(consent, at);

/** The checks of a consent itself, whoever reads and whatever the scope: who gave it, and when it counts. */
const OWN_CHECKS = CHECKS.filter(([reason]) => reason !== 'SCOPE_NOT_COVERED' && reason !== 'RECIPIENT_NOT_COVERED');

/**
 * The consents that count at `at`: in force, given by the right people, not withdrawn, and inside
 * their window. Only these show a staff member they name the child's identity records: a withdrawn,
 * expired or half-given consent names nobody.
 */
export const consentsInEffect = <C extends ConsentFacts>(consents: readonly C[], child: ChildFacts, at: Date): C[] =>
  consents.filter(
    (consent) =>
      inForce(consent, at) &&
      OWN_CHECKS.every(([, passes]) => passes(consent, child, { scope: '', reader: NOBODY, at })),
  );
const NOBODY: Reader = { subject: '', agency: null, unit: null };

/**
 * Blocks first, then the rule, then emergency access: a block of the scope refuses whatever
 * consents or emergency accesses there are (BLOCKED); a read the consents refuse is granted under
 * the reader's own emergency access to that scope while it is open, and the decision names it.
 * A grant carries the single records blocked from the reader, which are left out all the same.
 */
export function decideConsent(
  consents: ConsentFacts[],
  child: ChildFacts,
  question: ConsentQuestionFacts,
): ConsentDecision {
  const block = blockFor(child.blocks, question.reader, question.scope, question.at);
  if (block) return { granted: false, reason: 'BLOCKED', consentId: null, blockId: block.id };
  let decision = decideByConsent(consents, child, question);
  if (!decision.granted) {
    const emergency = emergencyAccessFor(child.emergencyAccesses, question.reader, question.scope, question.at);
    if (!emergency) return decision;
    decision = { granted: true, consentId: null, emergencyAccessId: emergency.id };
  }
  const blockedRecordIds = blockedRecordsFor(child.blocks, question.reader, question.at);
  if (blockedRecordIds.length === 0) return decision;
  const recordsLeftOut = recordsBlockedInScope(child.blocks, question.reader, question.scope, question.at);
  return { ...decision, blockedRecordIds, ...(recordsLeftOut > 0 && { recordsLeftOut }) };
}

function decideByConsent(consents: ConsentFacts[], child: ChildFacts, question: ConsentQuestionFacts): ConsentDecision {
  const candidates = consents
    .filter((consent) => inForce(consent, question.at))
    .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime());
  if (!hasRelation(child.sips, candidates, question.reader, question.at))
    return { granted: false, reason: 'NO_RELATION', consentId: null };
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

/**
 * Who may ask what the rule decides for whom: staff ask about themselves only (what they would be
 * told about others is what the rule keeps from them); the family and a privacy officer name the
 * staff member they ask about.
 */
export const mayAskRuleAbout = (requester: Requester, readerSubject: string): boolean =>
  !isStaff(requester) || readerSubject === requester.subject;

/** A version of a consent as the chain of replacements sees it. */
export interface ConsentVersionFacts extends ConsentGivers {
  id: string;
  /** The version it replaces, if any. */
  replacesId: string | null;
  recordedAt: Date;
}

/**
 * When each version stops counting because a newer one took its place. A newer version takes the
 * place of the ones before it only once it carries the word of everyone it needs: a widening one
 * custodian gives waits for the other, and meanwhile the version in force keeps counting (a pending
 * widening), instead of every reader losing every category until the other parent joins. A
 * narrowing carries the earlier word (releasesNoMore) and so takes effect at once. Null: not
 * replaced.
 */
export function replacementTimes(
  versions: readonly ConsentVersionFacts[],
  child: Pick<ChildFacts, 'dateOfBirth' | 'custodianIds'>,
): Map<string, Date | null> {
  const next = new Map(versions.flatMap((version) => (version.replacesId ? [[version.replacesId, version]] : [])));
  return new Map(
    versions.map((version) => {
      for (let newer = next.get(version.id); newer; newer = next.get(newer.id))
        if (givenByTheRightPeople(newer, child, newer.recordedAt)) return [version.id, newer.recordedAt];
      return [version.id, null];
    }),
  );
}
