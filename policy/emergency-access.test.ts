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
  nursesEmergency,
  sip,
  taking,
} from './consent-rule.fixtures.ts';
import type { ChildFacts } from './consent-rule.ts';
import type { Reader } from './recipients.ts';
import { emergencyGround, emergencyScopesRefusal, type EmergencyAccessRule } from './emergency-access.ts';

describe('emergency access', () => {
  const OPENED = '2026-03-01T12:00:00Z';
  const withEmergency: ChildFacts = { ...jointCustody, emergencyAccesses: [nursesEmergency] };

  it('grants what no consent does, to the person who opened it, for its scopes, from opening until its end', () => {
    const asNurse = (instant: string, scope = 'HEALTH_DIAGNOSES', reader: Reader = nurse) =>
      ask([], instant, withEmergency, scope, reader);
    expect(asNurse('2026-03-01T11:59:59.999Z')).toMatchObject({ granted: false, reason: 'NO_RELATION' });
    expect(asNurse(OPENED)).toEqual({ granted: true, consentId: null, emergencyAccessId: 'emergency-1' });
    expect(asNurse('2026-03-01T14:00:00Z')).toMatchObject({ granted: false });
    expect(asNurse(OPENED, 'HEALTH_MEDICATION')).toMatchObject({ granted: false });
    expect(asNurse(OPENED, 'HEALTH_DIAGNOSES', { ...nurse, subject: 'staff-nurse-2' })).toMatchObject({
      granted: false,
    });
  });

  it('is not needed where a consent grants: the decision names the consent', () => {
    const nurseTakingPart: ChildFacts = {
      ...withEmergency,
      sips: [sip({ participants: [taking(counsellor), taking(nurse)] })],
    };
    expect(ask([consent()], OPENED, nurseTakingPart, 'HEALTH_DIAGNOSES', nurse)).toEqual({
      granted: true,
      consentId: 'consent-1',
    });
  });

  it('grants nothing under an opening no law grounds, such as a school’s from before the table', () => {
    const withSchoolOpening: ChildFacts = { ...jointCustody, emergencyAccesses: [counsellorsEmergency] };
    expect(ask([], OPENED, withSchoolOpening, 'HEALTH_DIAGNOSES', counsellor)).toEqual({
      granted: false,
      reason: 'NO_CONSENT',
      consentId: null,
    });
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

  it('opens only what a law in the table grounds: by default health care staff, health data', () => {
    expect(emergencyScopesRefusal(nurse, ['HEALTH_DIAGNOSES', 'HEALTH_MEDICATION'])).toBeNull();
    expect(emergencyScopesRefusal(nurse, ['HEALTH_DIAGNOSES', 'SOCIAL_CASE'])).toMatch(
      /^no law gives health care staff emergency access to SOCIAL_CASE; they may open HEALTH_.*\(lag \(2022:913\)/,
    );
    expect(emergencyScopesRefusal(counsellor, ['HEALTH_DIAGNOSES'])).toMatch(
      /^the school staff have no ground in law for emergency access, which is a ground between care providers/,
    );
    const guardian: Reader = { subject: mother, agency: null, unit: null };
    expect(emergencyScopesRefusal(guardian, ['HEALTH_DIAGNOSES'])).toMatch(/^only agency staff/);
  });

  it('follows the table, so that a ground added with its law opens exactly that', () => {
    const table: EmergencyAccessRule[] = [
      { agency: 'SCHOOL', scopes: ['HEALTH_DIAGNOSES'], situation: 'a test', law: 'a law of the test' },
    ];
    expect(emergencyScopesRefusal(counsellor, ['HEALTH_DIAGNOSES'], table)).toBeNull();
    expect(emergencyScopesRefusal(counsellor, ['HEALTH_MEDICATION'], table)).toMatch(/\(a law of the test\)$/);
    expect(emergencyScopesRefusal(nurse, ['HEALTH_DIAGNOSES'], table)).toMatch(/^health care staff have no ground/);
  });
});
