import { describe, expect, it } from 'vitest';
import { requesterFromClaims } from '../../lib/auth/requester.ts';

describe('the roles of the policy, read from token claims', () => {
  it('reads staff with their agency and unit, and family members and privacy officers with none', () => {
    expect(requesterFromClaims({ sub: 's1', role: 'doctor', agency: 'HEALTH_CARE', unit: 'BUP Norra' })).toEqual({
      subject: 's1',
      role: 'doctor',
      agency: 'HEALTH_CARE',
      unit: 'BUP Norra',
      name: null,
    });
    expect(requesterFromClaims({ sub: 'g1', role: 'guardian' })).toMatchObject({ role: 'guardian', agency: null });
    expect(requesterFromClaims({ sub: 'p1', role: 'privacy_officer' })).toMatchObject({ agency: null });
  });

  it.each([
    [{ role: 'doctor', agency: 'HEALTH_CARE' }, 'the token has no subject'],
    [{ sub: 's1', agency: 'HEALTH_CARE' }, 'the token has no role'],
    [{ sub: 's1', role: 'doctor', agency: 'POLICE' }, 'unknown agency POLICE'],
    [{ sub: 's1', role: 'doctor', unit: 'BUP Norra' }, 'a doctor must belong to an agency'],
    [{ sub: 's1', role: 'doctor', agency: 'HEALTH_CARE' }, 'a doctor must belong to a unit'],
    [{ sub: 's1', role: 'doctor', agency: 'HEALTH_CARE', unit: ' ' }, 'a doctor must belong to a unit'],
    [{ sub: 's1', role: 'janitor', agency: 'SCHOOL', unit: 'Ekbackens skola' }, 'unknown role janitor'],
    // A role fits its own agency only: a teacher of health care would read diagnoses as health staff.
    [
      { sub: 's1', role: 'teacher', agency: 'HEALTH_CARE', unit: 'BUP Norra' },
      'a teacher does not work in HEALTH_CARE',
    ],
    [{ sub: 's1', role: 'doctor', agency: 'SCHOOL', unit: 'Ekbackens skola' }, 'a doctor does not work in SCHOOL'],
    [{ sub: 's1', role: 'nurse', agency: 'SOCIAL_SERVICES', unit: 'IFO' }, 'a nurse does not work in SOCIAL_SERVICES'],
    [{ sub: 'g1', role: 'guardian', agency: 'SCHOOL' }, 'a guardian belongs to no agency and no unit'],
    [{ sub: 'c1', role: 'child', unit: 'Ekbackens skola' }, 'a child belongs to no agency and no unit'],
    // A privacy officer who also reads as a school would read the audit log and the school's data.
    [{ sub: 'p1', role: 'privacy_officer', agency: 'SCHOOL' }, 'a privacy_officer belongs to no agency and no unit'],
  ])('refuses %j: %s', (claims, reason) => {
    expect(requesterFromClaims(claims)).toBe(reason);
  });
});
