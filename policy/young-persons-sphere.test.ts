import { describe, expect, it } from 'vitest';
import {
  AT_15,
  at,
  BEFORE_15,
  BORN,
  child,
  counsellor,
  doctor,
  mother,
  officer,
  otherChild,
} from './requesters.fixtures.ts';
import {
  keepingEntryRefusal,
  keptFrom,
  maturityAssessmentRefusal,
  sphereChoiceRefusal,
  sphereReadRefusal,
} from './young-persons-sphere.ts';

const theChild = { childId: child.subject, childDateOfBirth: BORN };

describe('the young person’s own sphere', () => {
  it('is chosen by the young person alone, from 15 or once judged mature enough', () => {
    expect(sphereChoiceRefusal(child, theChild, false, AT_15)).toBeNull();
    expect(sphereChoiceRefusal(child, theChild, false, BEFORE_15)).toMatch(/recordMaturity/);
    expect(sphereChoiceRefusal(child, theChild, true, BEFORE_15)).toBeNull();
    for (const requester of [mother, counsellor, officer, otherChild])
      expect(sphereChoiceRefusal(requester, theChild, true, AT_15)).toMatch(/only the young person/);
  });

  it('is judged mature by staff taking part in the child’s open SIP only', () => {
    const sip = {
      childId: child.subject,
      closedAt: null,
      participants: [{ subject: doctor.subject, kind: 'STAFF' as const, removedAt: null }],
    };
    expect(maturityAssessmentRefusal(doctor, sip, child.subject, BEFORE_15)).toBeNull();
    expect(maturityAssessmentRefusal(counsellor, sip, child.subject, BEFORE_15)).toMatch(/only staff taking part/);
    expect(
      maturityAssessmentRefusal(doctor, { ...sip, closedAt: at('2026-01-01T00:00:00Z') }, child.subject, BEFORE_15),
    ).toBe('the SIP is closed');
    expect(maturityAssessmentRefusal(doctor, sip, 'child-2', BEFORE_15)).toBe('the SIP is about another child');
  });

  it('keeps what the young person chose from their guardians, and from no one else', () => {
    expect(keptFrom(mother, ['ACCESS_LOG'], 'ACCESS_LOG')).toBe(true);
    expect(keptFrom(mother, ['ACCESS_LOG'], 'OWN_CONSENTS')).toBe(false);
    expect(keptFrom(child, ['ACCESS_LOG'], 'ACCESS_LOG')).toBe(false);
    expect(keptFrom(counsellor, ['ACCESS_LOG'], 'ACCESS_LOG')).toBe(false);
  });
});

describe('what the young person keeps', () => {
  it('is not shown to their guardians', () => {
    expect(sphereReadRefusal(mother)).not.toBeNull();
    expect(sphereReadRefusal(child)).toBeNull();
    expect(sphereReadRefusal(counsellor)).toBeNull();
  });
});

describe('an entry of the plan kept from the guardians', () => {
  it('is kept at the request of a young person from 15, or younger once judged mature enough', () => {
    expect(keepingEntryRefusal(BORN, false, AT_15)).toBeNull();
    expect(keepingEntryRefusal(BORN, true, BEFORE_15)).toBeNull();
    expect(keepingEntryRefusal(BORN, false, BEFORE_15)).toMatch(/recordMaturity/);
  });
});
