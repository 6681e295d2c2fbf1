import type { ChildFacts, ConsentFacts } from './consent-rule.ts';
import { decideConsent } from './consent-rule.ts';
import type { ParticipationFacts, Reader, SipFacts } from './recipients.ts';

/**
 * The rule tests' starting facts: a child in joint custody, one open SIP with a school counsellor
 * taking part, and a consent to its participants.
 */
export const at = (iso: string) => new Date(iso);
export const mother = 'guardian-mother';
export const father = 'guardian-father';
export const counsellor: Reader = { subject: 'staff-counsellor', agency: 'SCHOOL', unit: 'Ekbackens skola' };
export const nurse: Reader = { subject: 'staff-nurse', agency: 'HEALTH_CARE', unit: 'Vårdcentralen' };
export const taking = (reader: Reader, changes: Partial<ParticipationFacts> = {}): ParticipationFacts => ({
  kind: 'STAFF',
  subject: reader.subject,
  agency: reader.agency,
  unit: reader.unit,
  addedAt: at('2025-12-01T00:00:00Z'),
  removedAt: null,
  ...changes,
});
export const sip = (changes: Partial<SipFacts> = {}): SipFacts => ({
  id: 'sip-1',
  closedAt: null,
  participants: [taking(counsellor)],
  ...changes,
});
export const jointCustody: ChildFacts = {
  dateOfBirth: at('2014-05-10T00:00:00Z'),
  custodianIds: [mother, father],
  sips: [sip()],
  emergencyAccesses: [],
  blocks: [],
};

export const consent = (overrides: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'consent-1',
  guardianIds: [mother, father],
  givenByChild: false,
  scopes: ['HEALTH_DIAGNOSES'],
  recipients: { toSipParticipants: true, named: [], wholeAgencies: [] },
  sipLinks: [{ sipId: 'sip-1', linkedAt: at('2025-12-15T09:00:00Z') }],
  validFrom: at('2026-01-01T00:00:00Z'),
  validUntil: at('2026-07-01T00:00:00Z'),
  recordedAt: at('2025-12-15T09:00:00Z'),
  withdrawnAt: null,
  replacedAt: null,
  ...overrides,
});

export const ask = (
  consents: ConsentFacts[],
  instant: string,
  child: ChildFacts = jointCustody,
  scope = 'HEALTH_DIAGNOSES',
  reader: Reader = counsellor,
) => decideConsent(consents, child, { scope, reader, at: at(instant) });

/** A nurse's emergency access to diagnoses (health care, on its legal ground), open from 12:00 to 14:00 on 1 March. */
export const nursesEmergency = {
  id: 'emergency-1',
  subject: nurse.subject,
  agency: 'HEALTH_CARE',
  unit: 'Vårdcentralen',
  scopes: ['HEALTH_DIAGNOSES'],
  openedAt: at('2026-03-01T12:00:00Z'),
  until: at('2026-03-01T14:00:00Z'),
};

/** The school counsellor's opening of the same, made before the policy's table of legal grounds: no ground. */
export const counsellorsEmergency = {
  ...nursesEmergency,
  id: 'emergency-2',
  subject: counsellor.subject,
  agency: 'SCHOOL',
  unit: 'Ekbackens skola',
};
