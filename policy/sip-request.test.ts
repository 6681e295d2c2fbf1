import { describe, expect, it } from 'vitest';
import {
  AT_15,
  AT_18,
  BEFORE_15,
  BORN,
  child,
  counsellor,
  doctor,
  mother,
  officer,
  otherChild,
  stranger,
} from './requesters.fixtures.ts';
import { answeringRefusal, howToComplain, sipRequestRefusal } from './sip-request.ts';

const theChild = { childId: child.subject, dateOfBirth: BORN, custodianIds: [mother.subject] };

describe('asking for a SIP', () => {
  it('is for a guardian with custody, or the child from 15 in their own name', () => {
    expect(sipRequestRefusal(mother, theChild, BEFORE_15)).toBeNull();
    expect(sipRequestRefusal(child, theChild, AT_15)).toBeNull();
    expect(sipRequestRefusal(child, theChild, BEFORE_15)).toMatch(/from 15/);
    expect(sipRequestRefusal(otherChild, theChild, AT_15)).toMatch(/for themselves only/);
    for (const requester of [stranger, counsellor, officer])
      expect(sipRequestRefusal(requester, theChild, AT_15)).toMatch(/only a guardian with custody/);
  });

  it('is the young person’s alone from 18', () => {
    expect(sipRequestRefusal(mother, theChild, AT_18)).toMatch(/from 18/);
    expect(sipRequestRefusal(child, theChild, AT_18)).toBeNull();
  });

  it('is answered by staff of an agency the family asked', () => {
    expect(answeringRefusal(counsellor, ['SCHOOL', 'HEALTH_CARE'])).toBeNull();
    expect(answeringRefusal(doctor, ['SCHOOL'])).toMatch(/only staff of an agency the family asked/);
    expect(answeringRefusal(mother, ['SCHOOL'])).not.toBeNull();
    expect(answeringRefusal(officer, ['SCHOOL'])).not.toBeNull();
  });

  it('tells the family how to complain about a refusal, in Swedish and English, for every agency', () => {
    expect(howToComplain('HEALTH_CARE').sv).toMatch(/patientnämnden/);
    expect(howToComplain('SCHOOL').sv).toMatch(/Skolinspektionen/);
    expect(howToComplain('SOCIAL_SERVICES').sv).toMatch(/IVO/);
  });
});
