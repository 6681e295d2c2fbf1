import { describe, expect, it } from 'vitest';
import type { ConsentDecision } from './consent-rule.ts';
import {
  SHARED,
  agencyOfCategory,
  entrySight,
  interventionCategoryRefusal,
  isPlanCategory,
  planReaderOf,
  planReaderOfParticipant,
  scopeToDecide,
} from './plan-content.ts';
import * as requesters from './requesters.fixtures.ts';

const [child, counsellor, doctor, mother, officer] = [
  requesters.child,
  requesters.counsellor,
  requesters.doctor,
  requesters.mother,
  requesters.officer,
].map(planReaderOf);

const diagnosis = { category: 'HEALTH_DIAGNOSES' as const, keptFromGuardians: false };
const shared = { category: SHARED, keptFromGuardians: false };
const kept = { category: 'HEALTH_CARE_CONTACTS' as const, keptFromGuardians: true };
const blocked: ConsentDecision = { granted: false, reason: 'BLOCKED', consentId: null, blockId: 'block-1' };
const granted: ConsentDecision = { granted: true, consentId: 'consent-1' };

describe('an entry of the plan', () => {
  it('names a scope and so its agency, or is the shared text', () => {
    expect(agencyOfCategory('HEALTH_DIAGNOSES')).toBe('HEALTH_CARE');
    expect(agencyOfCategory(SHARED)).toBeNull();
    expect(isPlanCategory('SCHOOL_SUPPORT')).toBe(true);
    expect(isPlanCategory(SHARED)).toBe(true);
    expect(isPlanCategory('toString')).toBe(false);
  });

  it('asks THE RULE only for staff of another agency reading a category', () => {
    expect(scopeToDecide(counsellor, diagnosis)).toBe('HEALTH_DIAGNOSES');
    expect(scopeToDecide(doctor, diagnosis)).toBeNull();
    expect(scopeToDecide(counsellor, shared)).toBeNull();
    expect(scopeToDecide(mother, diagnosis)).toBeNull();
    expect(scopeToDecide(child, diagnosis)).toBeNull();
  });

  it('is shown to staff of another agency only when THE RULE grants its category, and fails closed', () => {
    expect(entrySight(counsellor, diagnosis, granted)).toEqual({ shown: true });
    expect(entrySight(counsellor, diagnosis, blocked)).toEqual({ shown: false, reason: 'BLOCKED', toldLeftOut: true });
    expect(entrySight(counsellor, diagnosis)).toEqual({ shown: false, reason: 'NO_CONSENT', toldLeftOut: true });
    expect(entrySight(doctor, diagnosis)).toEqual({ shown: true });
    expect(entrySight(counsellor, shared)).toEqual({ shown: true });
  });

  it('is kept, under a grant, when it shows a record the family blocked', () => {
    const withRecord = { category: 'HEALTH_MEDICATION' as const, keptFromGuardians: false, agencyRecordId: 'record-1' };
    const grantedBut: ConsentDecision = { granted: true, consentId: 'consent-1', blockedRecordIds: ['record-1'] };
    expect(entrySight(counsellor, withRecord, grantedBut)).toEqual({
      shown: false,
      reason: 'BLOCKED',
      toldLeftOut: true,
    });
    expect(entrySight(counsellor, { ...withRecord, agencyRecordId: 'record-2' }, grantedBut)).toEqual({ shown: true });
  });

  it('is read as the token or the participant says', () => {
    expect(counsellor).toEqual({ family: null, agency: 'SCHOOL' });
    expect(officer).toEqual({ family: null, agency: null });
    expect(mother).toEqual({ family: 'GUARDIAN' });
    expect(planReaderOfParticipant({ kind: 'RELATIVE', agency: null })).toEqual({ family: 'RELATIVE' });
    expect(planReaderOfParticipant({ kind: 'STAFF', agency: 'HEALTH_CARE' })).toEqual(doctor);
  });

  it('is shown to nobody outside the family and the agencies without a decision', () => {
    expect(scopeToDecide(officer, diagnosis)).toBe('HEALTH_DIAGNOSES');
    expect(entrySight(officer, diagnosis).shown).toBe(false);
  });

  it('is shown to the whole family, except what the young person keeps from their guardians, silently', () => {
    expect(entrySight(mother, diagnosis)).toEqual({ shown: true });
    expect(entrySight(child, kept)).toEqual({ shown: true });
    expect(entrySight(mother, kept)).toEqual({ shown: false, reason: 'KEPT_FROM_GUARDIANS', toldLeftOut: false });
    expect(entrySight(doctor, kept)).toEqual({ shown: true });
    expect(entrySight(planReaderOfParticipant({ kind: 'RELATIVE', agency: null }), kept).shown).toBe(false);
  });

  it("of an intervention names the responsible agency's own category, or SHARED", () => {
    expect(interventionCategoryRefusal('HEALTH_CARE', 'HEALTH_MEDICATION')).toBeNull();
    expect(interventionCategoryRefusal('SCHOOL', SHARED)).toBeNull();
    expect(interventionCategoryRefusal('SCHOOL', 'HEALTH_DIAGNOSES')).toMatch(/SCHOOL's categories/);
  });
});
