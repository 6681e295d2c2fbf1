import { describe, expect, it } from 'vitest';
import {
  AT_15,
  AT_18,
  at,
  BEFORE_15,
  BORN,
  child,
  counsellor,
  doctor,
  father,
  mother,
  officer,
  otherChild,
  stranger,
} from './requesters.fixtures.ts';
import {
  answersSipFeedback,
  childMayReadSummary,
  decidesWhatChildReads,
  isSigner,
  readsOwnPlanSummaries,
  sipRoleOf,
  type ParticipantFacts,
} from './sip-access.ts';

const staff = (subject: string, removedAt: Date | null = null): ParticipantFacts => ({
  subject,
  kind: 'STAFF',
  removedAt,
});
const sip = {
  childId: child.subject,
  childDateOfBirth: BORN,
  custodianIds: [mother.subject],
  participants: [staff(counsellor.subject), staff(doctor.subject, at('2026-04-01T00:00:00Z'))],
};

describe('who sees and changes a SIP', () => {
  it('admits staff while they take part, guardians with custody, and the child from 15', () => {
    expect(sipRoleOf(counsellor, sip, BEFORE_15)).toMatchObject({ kind: 'staff' });
    expect(sipRoleOf(mother, sip, BEFORE_15)).toEqual({ kind: 'family', participant: null });
    expect(sipRoleOf(child, sip, BEFORE_15)).toBeNull();
    expect(sipRoleOf(child, sip, AT_15)).toEqual({ kind: 'family', participant: null });
  });

  it('refuses removed staff, other families, other children and privacy officers', () => {
    expect(sipRoleOf(doctor, sip, at('2026-03-31T23:59:59Z'))).toMatchObject({ kind: 'staff' });
    expect(sipRoleOf(doctor, sip, at('2026-04-01T00:00:00Z'))).toBeNull();
    expect(sipRoleOf(father, sip, BEFORE_15)).toBeNull();
    expect(sipRoleOf(otherChild, sip, AT_15)).toBeNull();
    expect(sipRoleOf(officer, sip, BEFORE_15)).toBeNull();
  });

  it('admits a guardian without custody whom the family invited to take part', () => {
    const invited = {
      ...sip,
      participants: [...sip.participants, { subject: father.subject, kind: 'GUARDIAN' as const, removedAt: null }],
    };
    expect(sipRoleOf(father, invited, BEFORE_15)).toMatchObject({ kind: 'family' });
  });
});

describe('who signs', () => {
  it('is everyone taking part, the child from 15', () => {
    const childTakingPart: ParticipantFacts = { subject: child.subject, kind: 'CHILD', removedAt: null };
    expect(isSigner(staff('s'), BORN, BEFORE_15)).toBe(true);
    expect(isSigner({ subject: null, kind: 'RELATIVE', removedAt: null }, BORN, BEFORE_15)).toBe(true);
    expect(isSigner(childTakingPart, BORN, BEFORE_15)).toBe(false);
    expect(isSigner(childTakingPart, BORN, AT_15)).toBe(true);
    expect(isSigner(staff('s', at('2026-01-01T00:00:00Z')), BORN, BEFORE_15)).toBe(false);
  });
});

describe('what the child reads, and who answers SIP-kollen', () => {
  it('lets the child read the summary at any age the guardians allow, and always from 15', () => {
    expect(childMayReadSummary(BORN, false, BEFORE_15)).toBe(false);
    expect(childMayReadSummary(BORN, true, BEFORE_15)).toBe(true);
    expect(childMayReadSummary(BORN, false, AT_15)).toBe(true);
  });

  it('leaves that choice to a guardian with custody alone', () => {
    expect(decidesWhatChildReads(mother, sip.custodianIds)).toBe(true);
    expect(decidesWhatChildReads(father, sip.custodianIds)).toBe(false);
    expect(decidesWhatChildReads(counsellor, [counsellor.subject])).toBe(false);
    expect(decidesWhatChildReads(child, [child.subject])).toBe(false);
  });

  it('gives a child their own plans’ summaries, and no one else any', () => {
    expect(readsOwnPlanSummaries(child)).toBe(true);
    for (const requester of [mother, counsellor, officer]) expect(readsOwnPlanSummaries(requester)).toBe(false);
  });

  it('takes SIP-kollen from the child at any age and from their guardians, never from staff', () => {
    expect(answersSipFeedback(child, sip)).toBe(true);
    expect(answersSipFeedback(otherChild, sip)).toBe(false);
    expect(answersSipFeedback(mother, sip)).toBe(true);
    expect(answersSipFeedback(stranger, sip)).toBe(false);
    expect(answersSipFeedback(counsellor, sip)).toBe(false);
    expect(answersSipFeedback(officer, sip)).toBe(false);
  });
});

describe('who sees a SIP from the 18th birthday', () => {
  it('is no longer a guardian, by custody or as a participant; the young person decides alone', () => {
    expect(sipRoleOf(mother, sip, AT_18)).toBeNull();
    expect(sipRoleOf(child, sip, AT_18)).toMatchObject({ kind: 'family' });
    const taking = {
      ...sip,
      participants: [...sip.participants, { subject: mother.subject, kind: 'GUARDIAN' as const, removedAt: null }],
    };
    expect(sipRoleOf(mother, taking, AT_18)).toBeNull();
  });
});
