import { speaksForThemselves } from './age.ts';
import { Role, type Requester } from './roles.ts';
import { isCurrent, type ParticipantFacts } from './sip-access.ts';

/**
 * A young person's own sphere. A child old and mature enough decides themselves whether what they
 * told health care or social services may reach their guardians (offentlighets- och sekretesslagen
 * 12 kap. 3 §), and the guardians give the child more say as the child grows (föräldrabalken 6 kap.
 * 11 §; the Convention on the Rights of the Child, art. 12 and 16, Swedish law since 2020). So a
 * young person may keep named parts of what the graph holds about them from their guardians.
 */
export const SPHERE_PARTS = {
  /** The consents the young person gave in their own name, and the reads made under them. */
  OWN_CONSENTS: 'the consents they gave in their own name',
  /** Who read what about them (the family's access log). */
  ACCESS_LOG: 'their access log',
} as const;
export type SpherePart = keyof typeof SPHERE_PARTS;

/**
 * Who chooses what is kept: the young person alone, in their own name, from 15, or younger once
 * staff taking part in their SIP have judged and recorded, with a reason, that they are mature
 * enough (maturityAssessment). Returns why not, or null.
 */
export function sphereChoiceRefusal(
  requester: Requester,
  child: { childId: string; childDateOfBirth: Date },
  maturityAssessed: boolean,
  now: Date,
): string | null {
  if (requester.role !== Role.Child || requester.subject !== child.childId)
    return 'only the young person chooses what they keep from their guardians';
  if (speaksForThemselves(child.childDateOfBirth, now) || maturityAssessed) return null;
  return 'before 15, staff taking part in the SIP first record that the child is mature enough (recordMaturity)';
}

/**
 * Who judges a child under 15 mature enough: staff taking part in the child's open SIP, with a
 * reason; the judgement is an item of the log review. Returns why not, or null.
 */
export function maturityAssessmentRefusal(
  requester: Requester,
  sip: { childId: string; closedAt: Date | null; participants: readonly ParticipantFacts[] },
  childId: string,
  now: Date,
): string | null {
  if (sip.childId !== childId) return 'the SIP is about another child';
  if (sip.closedAt !== null) return 'the SIP is closed';
  const takesPart = sip.participants.some(
    (p) => p.kind === 'STAFF' && p.subject === requester.subject && isCurrent(p, now),
  );
  return takesPart ? null : 'only staff taking part in the child’s open SIP judge the child’s maturity';
}

/**
 * Staff write an entry of the plan or a section of a meeting's notes as kept from the guardians only
 * at the young person's own request, and only when the young person may keep anything: from 15, or
 * younger once judged mature enough. Staff see it as the consent rule allows; the guardians and
 * relatives taking part do not, and are not told that something is kept (plan-content.ts). Returns why not, or null.
 */
export const keepingEntryRefusal = (childDateOfBirth: Date, maturityAssessed: boolean, now: Date): string | null =>
  speaksForThemselves(childDateOfBirth, now) || maturityAssessed
    ? null
    : 'only a young person from 15, or one staff have judged mature enough (recordMaturity), asks to keep an entry ' +
      'from their guardians';

/** Whether this part of the young person's sphere is kept from this requester: from their guardians only. */
export const keptFrom = (requester: Requester, kept: readonly SpherePart[], part: SpherePart): boolean =>
  requester.role === Role.Guardian && kept.includes(part);

/**
 * What a young person keeps, and that they keep anything, is not shown to their guardians.
 * Returns why not, or null.
 */
export const sphereReadRefusal = (requester: Requester): string | null =>
  requester.role === Role.Guardian ? 'what a young person keeps from their guardians is not shown to them' : null;
