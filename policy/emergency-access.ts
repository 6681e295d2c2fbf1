import { isOpenAt, takesPart, type Reader, type SipFacts } from './recipients.ts';

/**
 * The longest an emergency access stays open, in hours; the opener may choose less. Configured
 * here, in the policy floor, and not in the environment: a longer window is a change of policy.
 */
export const EMERGENCY_ACCESS_MAX_HOURS = 4;

/** An emergency access as the rule sees it. */
export interface EmergencyAccessFacts {
  id: string;
  subject: string;
  agency: string;
  unit: string;
  scopes: string[];
  openedAt: Date;
  until: Date;
}

/**
 * Who may open emergency access (nödåtkomst) to a child's data, when the child's life or health is
 * at risk: staff taking part in one of the child's open SIPs, with a reason. The SIP core does not
 * know which units are in contact with a child in the agencies' own systems, so "a unit in contact
 * with the child" is not a ground here. Returns why the reader may not, or null.
 */
export function emergencyOpeningRefusal(reader: Reader, sips: readonly SipFacts[], at: Date): string | null {
  if (reader.agency === null) return 'only agency staff open emergency access';
  return sips.some((sip) => isOpenAt(sip, at) && sip.participants.some((p) => takesPart(p, reader, at)))
    ? null
    : 'only staff taking part in one of the child’s open SIPs open emergency access';
}

/**
 * The emergency access that lets this reader read this scope at `at`: their own (same person, at
 * the same unit), covering the scope, opened by `at` and not yet past its end.
 */
export const emergencyAccessFor = (
  accesses: readonly EmergencyAccessFacts[],
  reader: Reader,
  scope: string,
  at: Date,
): EmergencyAccessFacts | undefined =>
  accesses.find(
    (access) =>
      access.subject === reader.subject &&
      access.agency === reader.agency &&
      access.unit === reader.unit &&
      access.scopes.includes(scope) &&
      access.openedAt <= at &&
      at < access.until,
  );
