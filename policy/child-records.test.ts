import { describe, expect, it } from 'vitest';
import {
  accessLogRefusal,
  childRecordAccess,
  mayLookUpByPersonnummer,
  type ChildRecordFacts,
} from './child-records.ts';
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

const NOW = at('2026-03-01T12:00:00Z');
const facts = (changes: Partial<ChildRecordFacts> = {}): ChildRecordFacts => ({
  childId: child.subject,
  childDateOfBirth: BORN,
  guardianIds: [mother.subject, father.subject],
  sips: [
    {
      id: 'sip-1',
      closedAt: null,
      participants: [
        {
          kind: 'STAFF',
          subject: counsellor.subject,
          agency: 'SCHOOL',
          unit: 'Ekbackens skola',
          addedAt: at('2026-01-01T00:00:00Z'),
          removedAt: null,
        },
      ],
    },
  ],
  consents: [],
  lookedUp: false,
  ...changes,
});

describe('the SIP core’s records of a child', () => {
  it('are the family’s own to read, unlogged: every registered guardian and the child', () => {
    expect(childRecordAccess(mother, 'CHILD_IDENTITY', facts(), NOW)).toEqual({ granted: true, logged: false });
    expect(childRecordAccess(father, 'CHILD_CONSENTS', facts(), NOW)).toEqual({ granted: true, logged: false });
    expect(childRecordAccess(child, 'CHILD_IDENTITY', facts(), NOW)).toEqual({ granted: true, logged: false });
    expect(childRecordAccess(stranger, 'CHILD_IDENTITY', facts(), NOW)).toMatchObject({ granted: false });
    expect(childRecordAccess(otherChild, 'CHILD_IDENTITY', facts(), NOW)).toMatchObject({ granted: false });
  });

  it('are read by staff, logged, only while they take part, when a consent names them, or after a lookup', () => {
    expect(childRecordAccess(counsellor, 'CHILD_IDENTITY', facts(), NOW)).toEqual({ granted: true, logged: true });
    expect(childRecordAccess(doctor, 'CHILD_IDENTITY', facts(), NOW)).toMatchObject({ granted: false });
    expect(childRecordAccess(doctor, 'CHILD_IDENTITY', facts({ lookedUp: true }), NOW)).toEqual({
      granted: true,
      logged: true,
    });
    const naming = {
      recipients: {
        toSipParticipants: false,
        named: [{ agency: 'HEALTH_CARE' as const, unit: 'BUP Norra', subject: null }],
        wholeAgencies: [],
      },
    };
    expect(childRecordAccess(doctor, 'CHILD_CONSENTS', facts({ consents: [naming] }), NOW)).toEqual({
      granted: true,
      logged: true,
    });
  });

  it('show a privacy officer the consents, and the identity only after a lookup, both logged', () => {
    expect(childRecordAccess(officer, 'CHILD_CONSENTS', facts(), NOW)).toEqual({ granted: true, logged: true });
    expect(childRecordAccess(officer, 'CHILD_IDENTITY', facts(), NOW)).toMatchObject({ granted: false });
    expect(childRecordAccess(officer, 'CHILD_IDENTITY', facts({ lookedUp: true }), NOW)).toEqual({
      granted: true,
      logged: true,
    });
  });

  it('are looked up by personnummer by staff and privacy officers, never by the family', () => {
    expect(mayLookUpByPersonnummer(counsellor)).toBe(true);
    expect(mayLookUpByPersonnummer(officer)).toBe(true);
    expect(mayLookUpByPersonnummer(mother)).toBe(false);
    expect(mayLookUpByPersonnummer(child)).toBe(false);
  });
});

describe('the family’s access log', () => {
  const theChild = { childId: child.subject, childDateOfBirth: BORN, custodianIds: [mother.subject] };

  it('is for a guardian with custody and the child from 15, the people who give consent', () => {
    expect(accessLogRefusal(mother, theChild, BEFORE_15)).toBeNull();
    expect(accessLogRefusal(father, theChild, BEFORE_15)).not.toBeNull();
    expect(accessLogRefusal(child, theChild, BEFORE_15)).not.toBeNull();
    expect(accessLogRefusal(child, theChild, AT_15)).toBeNull();
    expect(accessLogRefusal(officer, theChild, AT_15)).toMatch(/consentAuditLog/);
  });
});

describe('the records from the 18th birthday', () => {
  it('are the young person’s alone: the guardians no longer read them nor the access log', () => {
    expect(childRecordAccess(mother, 'CHILD_CONSENTS', facts(), AT_18)).toEqual({
      granted: false,
      reason: 'the young person is of age; their records are theirs alone',
    });
    expect(childRecordAccess(child, 'CHILD_CONSENTS', facts(), AT_18)).toEqual({ granted: true, logged: false });
    const theChild = { childId: child.subject, childDateOfBirth: BORN, custodianIds: [mother.subject] };
    expect(accessLogRefusal(mother, theChild, AT_18)).not.toBeNull();
    expect(accessLogRefusal(child, theChild, AT_18)).toBeNull();
  });
});
