import { AGENCY_SUBGRAPHS, type Agency } from './agencies.ts';
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

/** On what ground staff open emergency access: their part in the child's SIP, or their unit's contact with it. */
export type EmergencyGround = 'SIP_PARTICIPANT' | 'UNIT_IN_CONTACT';

/**
 * What "a unit in contact with the child" means in each agency's own records. The agency's own
 * subgraph answers it for the reader's unit (the SIP core does not hold these records), on the
 * day of the opening.
 */
export const UNIT_IN_CONTACT = Object.fromEntries(
  AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry.unitInContact]),
) as Record<Agency, string>;

/**
 * Who may open emergency access (nödåtkomst) to a child's data, when the child's life or health is
 * at risk: staff taking part in one of the child's open SIPs, or staff whose unit is in contact
 * with the child (`unitInContact`, from the reader's own agency's records), always with a reason.
 * Returns the ground, or null when there is none.
 */
export function emergencyGround(
  reader: Reader,
  sips: readonly SipFacts[],
  at: Date,
  unitInContact: boolean,
): EmergencyGround | null {
  if (reader.agency === null) return null;
  if (sips.some((sip) => isOpenAt(sip, at) && sip.participants.some((p) => takesPart(p, reader, at))))
    return 'SIP_PARTICIPANT';
  return unitInContact ? 'UNIT_IN_CONTACT' : null;
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
