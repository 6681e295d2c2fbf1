import { AGENCY, AGENCY_SUBGRAPHS, type Agency } from './agencies.ts';
import { CONSENT_SCOPES, type ConsentScope } from './scopes.ts';
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

/** A legal ground for emergency access: whose staff open which categories, when, and under which law. */
export interface EmergencyAccessRule {
  agency: Agency;
  scopes: readonly ConsentScope[];
  /** The situation the law requires, as the opener must find it. */
  situation: string;
  law: string;
}

const HEALTH_SCOPES = (Object.keys(CONSENT_SCOPES) as ConsentScope[]).filter(
  (scope) => CONSENT_SCOPES[scope].agency === 'HEALTH_CARE',
);

/**
 * Emergency access (nödåtkomst) exists only where a law gives it, and Swedish law gives it between
 * care providers: health care staff may reach health data without consent when the child's life or
 * health is at serious risk, the information may matter for the care the child needs now, and the
 * child's or guardians' consent cannot be obtained in time. School staff and social services have no
 * such ground to open health data, nor anyone to open a school's or social services' records: they
 * ask the family for consent. A municipality or region adds a row here only with a law to cite.
 */
export const EMERGENCY_ACCESS_RULES: readonly EmergencyAccessRule[] = [
  {
    agency: 'HEALTH_CARE',
    scopes: HEALTH_SCOPES,
    situation:
      'the child’s life or health is at serious risk, the information may matter for the care the child needs ' +
      'now, and consent cannot be obtained in time',
    law: 'lag (2022:913) om sammanhållen vård- och omsorgsdokumentation; patientdatalagen (2008:355)',
  },
];

/** The rule that lets this agency's staff open this category, if any. */
const ruleFor = (agency: string | null, scope: string, rules: readonly EmergencyAccessRule[]) =>
  rules.find((rule) => rule.agency === agency && (rule.scopes as readonly string[]).includes(scope));

/**
 * Why these categories may not be opened by this reader's agency in an emergency, naming the rule;
 * null when a legal ground covers every one of them.
 */
export function emergencyScopesRefusal(
  reader: Reader,
  scopes: readonly string[],
  rules: readonly EmergencyAccessRule[] = EMERGENCY_ACCESS_RULES,
): string | null {
  const uncovered = scopes.filter((scope) => !ruleFor(reader.agency, scope, rules));
  if (uncovered.length === 0) return null;
  const own = rules.filter((rule) => rule.agency === reader.agency);
  const staff = reader.agency === null ? 'only agency staff' : `${AGENCY[reader.agency].names.en} staff`;
  if (own.length === 0) {
    const laws = [...new Set(rules.map((rule) => rule.law))].join('; ') || 'none in the policy';
    return (
      `${staff} have no ground in law for emergency access, which is a ground between care providers ` +
      `(${laws}); they read another agency’s data only with the family’s consent`
    );
  }
  return (
    `no law gives ${staff} emergency access to ${uncovered.join(', ')}; they may open ` +
    `${own.flatMap((rule) => rule.scopes).join(', ')} (${own.map((rule) => rule.law).join('; ')})`
  );
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
 * the same unit), covering the scope, opened by `at` and not yet past its end, on a legal ground
 * (EMERGENCY_ACCESS_RULES) for that scope.
 */
export const emergencyAccessFor = (
  accesses: readonly EmergencyAccessFacts[],
  reader: Reader,
  scope: string,
  at: Date,
  rules: readonly EmergencyAccessRule[] = EMERGENCY_ACCESS_RULES,
): EmergencyAccessFacts | undefined =>
  accesses.find(
    (access) =>
      access.subject === reader.subject &&
      access.agency === reader.agency &&
      access.unit === reader.unit &&
      access.scopes.includes(scope) &&
      access.openedAt <= at &&
      at < access.until &&
      // An opening made before the rules said otherwise stays in the log, and grants nothing.
      ruleFor(access.agency, scope, rules) !== undefined,
  );
