import { describe, expect, it } from 'vitest';
import {
  at,
  ask,
  consent,
  counsellor,
  counsellorsEmergency,
  jointCustody,
  mother,
  nurse,
  sip,
} from './consent-rule.fixtures.ts';
import type { ChildFacts } from './consent-rule.ts';
import type { Reader } from './recipients.ts';
import { emergencyGround } from './emergency-access.ts';

describe('emergency access', () => {
  const OPENED = '2026-03-01T12:00:00Z';
  const withEmergency: ChildFacts = {
    ...jointCustody,
    emergencyAccesses: [counsellorsEmergency],
  };

  it('grants what no consent does, to the person who opened it, for its scopes, from opening until its end', () => {
    expect(ask([], '2026-03-01T11:59:59.999Z', withEmergency)).toMatchObject({ granted: false, reason: 'NO_CONSENT' });
    expect(ask([], OPENED, withEmergency)).toEqual({
      granted: true,
      consentId: null,
      emergencyAccessId: 'emergency-1',
    });
    expect(ask([], '2026-03-01T14:00:00Z', withEmergency)).toMatchObject({ granted: false, reason: 'NO_CONSENT' });
    expect(ask([], OPENED, withEmergency, 'HEALTH_MEDICATION')).toMatchObject({ granted: false });
    const colleague = { ...counsellor, subject: 'staff-counsellor-2' };
    expect(ask([], OPENED, withEmergency, 'HEALTH_DIAGNOSES', colleague)).toMatchObject({ granted: false });
  });

  it('is not needed where a consent grants: the decision names the consent', () => {
    expect(ask([consent()], OPENED, withEmergency)).toEqual({ granted: true, consentId: 'consent-1' });
  });

  it('is opened by staff in the child’s open SIP, or of a unit in contact with the child, and no one else', () => {
    const sips = jointCustody.sips;
    const now = at(OPENED);
    expect(emergencyGround(counsellor, sips, now, false)).toBe('SIP_PARTICIPANT');
    expect(emergencyGround(nurse, sips, now, false)).toBeNull();
    expect(emergencyGround(nurse, sips, now, true)).toBe('UNIT_IN_CONTACT');
    expect(emergencyGround(counsellor, [sip({ closedAt: at('2026-02-01T00:00:00Z') })], now, false)).toBeNull();
    const guardian: Reader = { subject: mother, agency: null, unit: null };
    expect(emergencyGround(guardian, sips, now, true)).toBeNull();
  });
});
