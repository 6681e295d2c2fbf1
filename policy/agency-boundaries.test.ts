import { describe, expect, it } from 'vitest';
import {
  mayUseRootFields,
  readsOwnRecords,
  recordBelongsToPlan,
  recordingUnitOf,
  recordsAtOwnUnit,
} from './agency-boundaries.ts';
import { child, counsellor, doctor, mother, officer } from './requesters.fixtures.ts';

describe('the boundaries between agencies', () => {
  it('lets an agency’s staff read their own agency’s records, and nobody read the SIP core’s as their own', () => {
    expect(readsOwnRecords('HEALTH_CARE', 'HEALTH_CARE')).toBe(true);
    expect(readsOwnRecords('SCHOOL', 'HEALTH_CARE')).toBe(false);
    expect(readsOwnRecords(null, 'HEALTH_CARE')).toBe(false);
    expect(readsOwnRecords('SCHOOL', null)).toBe(false);
    expect(readsOwnRecords(null, null)).toBe(false);
  });

  it('serves an agency’s root fields to its own staff only', () => {
    expect(mayUseRootFields('SCHOOL', 'SCHOOL')).toBe(true);
    expect(mayUseRootFields('SOCIAL_SERVICES', 'SCHOOL')).toBe(false);
    expect(mayUseRootFields(null, 'SCHOOL')).toBe(false);
  });

  it('lets staff record at their own unit only, and nobody else record at all', () => {
    expect(recordingUnitOf(doctor)).toBe('BUP Norra');
    expect(recordingUnitOf(counsellor)).toBe('Ekbackens skola');
    for (const requester of [mother, child, officer]) expect(recordingUnitOf(requester)).toBeNull();
    expect(recordsAtOwnUnit('BUP Norra', 'BUP Norra')).toBe(true);
    expect(recordsAtOwnUnit('BUP Norra', 'BUP Södra')).toBe(false);
    expect(recordsAtOwnUnit(null, 'BUP Norra')).toBe(false);
  });

  it('shows an agency’s record in a plan only when it is about the plan’s own child', () => {
    expect(recordBelongsToPlan('child-1', 'child-1')).toBe(true);
    expect(recordBelongsToPlan('child-2', 'child-1')).toBe(false);
  });
});
