import { describe, expect, it } from 'vitest';
import { child, counsellor, doctor, mother, officer } from './requesters.fixtures.ts';
import { familyMemberOf, isFamily, isPrivacyOfficer, isStaff, roleFitsAgency, STAFF_ROLE_AGENCIES } from './roles.ts';

describe('roles', () => {
  it('tells the family, agency staff and a privacy officer apart, each one of the three', () => {
    for (const [requester, family, staff, dpo] of [
      [mother, true, false, false],
      [child, true, false, false],
      [counsellor, false, true, false],
      [doctor, false, true, false],
      [officer, false, false, true],
    ] as const) {
      expect([isFamily(requester), isStaff(requester), isPrivacyOfficer(requester)], requester.role).toEqual([
        family,
        staff,
        dpo,
      ]);
    }
  });

  it('knows a family member as a guardian or as the child, and nobody else as either', () => {
    expect(familyMemberOf(mother)).toEqual({ kind: 'guardian', guardianId: mother.subject });
    expect(familyMemberOf(child)).toEqual({ kind: 'child', childId: child.subject });
    expect(familyMemberOf(counsellor)).toBeNull();
    expect(familyMemberOf(officer)).toBeNull();
  });

  it('fits each staff role to its own agencies only', () => {
    expect(roleFitsAgency('doctor', 'HEALTH_CARE')).toBe(true);
    expect(roleFitsAgency('doctor', 'SCHOOL')).toBe(false);
    expect(roleFitsAgency('teacher', 'HEALTH_CARE')).toBe(false);
    for (const [role, agencies] of Object.entries(STAFF_ROLE_AGENCIES))
      expect(agencies.length, `${role} belongs to an agency`).toBeGreaterThan(0);
  });
});
