import { describe, expect, it } from 'vitest';
import { childViewRefusal, readsChildView } from './child-views.ts';
import { at, child, counsellor, doctor, mother, otherChild } from './requesters.fixtures.ts';

const NOW = at('2026-11-23T10:00:00Z');
const participants = [
  { id: 'p-counsellor', subject: counsellor.subject, kind: 'STAFF' as const, removedAt: null },
  { id: 'p-doctor', subject: doctor.subject, kind: 'STAFF' as const, removedAt: at('2026-11-01T00:00:00Z') },
  { id: 'p-mother', subject: mother.subject, kind: 'GUARDIAN' as const, removedAt: null },
];

describe('the child’s own views', () => {
  it('are written by the child the SIP is about, at any age, while it is open', () => {
    const sip = { childId: child.subject, closedAt: null };
    expect(childViewRefusal(child, sip)).toBeNull();
    expect(childViewRefusal(otherChild, sip)).toMatch(/only the child/);
    expect(childViewRefusal(mother, sip)).toMatch(/only the child/);
    expect(childViewRefusal(child, { ...sip, closedAt: NOW })).toBe('the SIP is closed');
  });

  it('are read by the child and by those the child chose, while they take part', () => {
    const view = { childId: child.subject, sharedWith: ['p-counsellor', 'p-doctor'] };
    expect(readsChildView(child, view, participants, NOW)).toBe(true);
    expect(readsChildView(counsellor, view, participants, NOW)).toBe(true);
    // Removed from the SIP, or never chosen: not even a guardian reads it.
    expect(readsChildView(doctor, view, participants, NOW)).toBe(false);
    expect(readsChildView(mother, view, participants, NOW)).toBe(false);
    expect(readsChildView(otherChild, view, participants, NOW)).toBe(false);
  });
});
