import { describe, expect, it } from 'vitest';
import {
  blockPlacement,
  consentRecordingRefusal,
  givingRefusal,
  linkingRefusal,
  ownWordOf,
  recordingRefusal,
  releasesNoMore,
  replacingRefusal,
  withdrawalRefusal,
  YOUNG_PERSONS_OWN_WORD,
  type ConsentTerms,
  type ProvenanceSipFacts,
} from './consent-provenance.ts';
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
} from './requesters.fixtures.ts';

const theChild = { childId: child.subject, childDateOfBirth: BORN, custodianIds: [mother.subject] };
const takingPart = (subject: string, isInitiator = false) => ({
  subject,
  kind: 'STAFF' as const,
  removedAt: null,
  isInitiator,
});
const sip = (changes: Partial<ProvenanceSipFacts> = {}): ProvenanceSipFacts => ({
  childId: child.subject,
  closedAt: null,
  participants: [takingPart(counsellor.subject, true), takingPart(doctor.subject)],
  familyAnswer: 'AGREED',
  ...changes,
});

describe('who gives consent', () => {
  it('is a guardian with custody, or the child from 15, in their own name', () => {
    expect(givingRefusal(mother, theChild, BEFORE_15)).toBeNull();
    expect(givingRefusal(father, theChild, BEFORE_15)).toMatch(/guardian with custody/);
    expect(givingRefusal(child, theChild, BEFORE_15)).toMatch(/from 15/);
    expect(givingRefusal(child, theChild, AT_15)).toBeNull();
    expect(givingRefusal(counsellor, theChild, BEFORE_15)).toMatch(/only the family gives consent/);
    expect(givingRefusal(officer, theChild, BEFORE_15)).toMatch(/only the family gives consent/);
    expect(ownWordOf(mother)).toEqual({ guardianIds: [mother.subject], givenByChild: false });
    expect(ownWordOf(child)).toEqual({ guardianIds: [], givenByChild: true });
  });
});

describe('staff recording the family’s word', () => {
  it('is for staff taking part in the child’s open SIP', () => {
    expect(recordingRefusal(doctor, child.subject, sip(), BEFORE_15)).toBeNull();
    expect(recordingRefusal(mother, child.subject, sip(), BEFORE_15)).toMatch(/the family gives theirs/);
    expect(recordingRefusal(doctor, 'child-2', sip(), BEFORE_15)).toBe('the SIP is about another child');
    expect(recordingRefusal(doctor, child.subject, sip({ closedAt: at('2026-01-01T00:00:00Z') }), BEFORE_15)).toBe(
      'the SIP is closed',
    );
    const other = { ...doctor, subject: 'staff-other' };
    expect(recordingRefusal(other, child.subject, sip(), BEFORE_15)).toMatch(/only staff taking part/);
  });

  it('records or links a consent under four eyes: after the family agreed, never by who started the SIP', () => {
    expect(consentRecordingRefusal(doctor, child.subject, sip(), BEFORE_15)).toBeNull();
    expect(consentRecordingRefusal(counsellor, child.subject, sip(), BEFORE_15)).toMatch(/started the SIP/);
    expect(consentRecordingRefusal(doctor, child.subject, sip({ familyAnswer: null }), BEFORE_15)).toMatch(
      /not agreed/,
    );
    expect(linkingRefusal(doctor, sip(), BEFORE_15)).toBeNull();
    expect(linkingRefusal(counsellor, sip(), BEFORE_15)).toMatch(/started the SIP/);
    expect(linkingRefusal(doctor, sip({ familyAnswer: 'DECLINED' }), BEFORE_15)).toMatch(/not agreed/);
  });

  it('places a block as the family’s act, or as staff recording it, and refuses other family members', () => {
    expect(blockPlacement(mother, theChild, BEFORE_15)).toEqual({ by: 'FAMILY' });
    expect(blockPlacement(child, theChild, AT_15)).toEqual({ by: 'FAMILY' });
    expect(blockPlacement(child, theChild, BEFORE_15)).toHaveProperty('refused');
    expect(blockPlacement(father, theChild, BEFORE_15)).toHaveProperty('refused');
    expect(blockPlacement(doctor, theChild, BEFORE_15)).toEqual({ by: 'STAFF' });
  });
});

const guardiansConsent = { givenByChild: false };
const youngPersonsConsent = { givenByChild: true };

describe('who withdraws', () => {
  it('is the family, or staff in an open SIP the consent is linked to; never a privacy officer', () => {
    expect(withdrawalRefusal(mother, theChild, guardiansConsent, [], BEFORE_15)).toBeNull();
    expect(withdrawalRefusal(child, theChild, guardiansConsent, [], AT_15)).toBeNull();
    expect(withdrawalRefusal(child, theChild, guardiansConsent, [], BEFORE_15)).toMatch(/from 15/);
    expect(withdrawalRefusal(doctor, theChild, guardiansConsent, [sip()], BEFORE_15)).toBeNull();
    expect(withdrawalRefusal(doctor, theChild, guardiansConsent, [], BEFORE_15)).toMatch(
      /open SIP the consent is linked to/,
    );
    expect(withdrawalRefusal(officer, theChild, guardiansConsent, [sip()], BEFORE_15)).toMatch(/does not withdraw/);
  });
});

describe('a new version of a consent', () => {
  const older: ConsentTerms = {
    scopes: ['HEALTH_DIAGNOSES', 'HEALTH_MEDICATION'],
    recipients: {
      toSipParticipants: true,
      named: [{ agency: 'SCHOOL', unit: 'Ekbackens skola', subject: null }],
      wholeAgencies: [],
    },
    validFrom: at('2026-01-01T00:00:00Z'),
    validUntil: at('2026-07-01T00:00:00Z'),
  };

  it('keeps the earlier word when it releases no more: fewer scopes, fewer recipients, a shorter window', () => {
    expect(releasesNoMore(older, older)).toBe(true);
    expect(releasesNoMore({ ...older, scopes: ['HEALTH_DIAGNOSES'] }, older)).toBe(true);
    expect(
      releasesNoMore(
        {
          ...older,
          recipients: {
            ...older.recipients,
            named: [{ agency: 'SCHOOL', unit: 'Ekbackens skola', subject: 'staff-1' }],
          },
        },
        older,
      ),
    ).toBe(true);
    expect(releasesNoMore({ ...older, validUntil: at('2026-06-01T00:00:00Z') }, older)).toBe(true);
  });

  it('needs every custodian anew when it releases more in any way', () => {
    expect(releasesNoMore({ ...older, scopes: [...older.scopes, 'HEALTH_REFERRALS'] }, older)).toBe(false);
    expect(releasesNoMore({ ...older, recipients: { ...older.recipients, wholeAgencies: ['SCHOOL'] } }, older)).toBe(
      false,
    );
    expect(releasesNoMore({ ...older, validUntil: at('2026-08-01T00:00:00Z') }, older)).toBe(false);
    expect(releasesNoMore({ ...older, validFrom: at('2025-12-01T00:00:00Z') }, older)).toBe(false);
    const notToParticipants = { ...older, recipients: { ...older.recipients, toSipParticipants: false } };
    expect(releasesNoMore(older, notToParticipants)).toBe(false);
  });
});

describe('consent from the 18th birthday', () => {
  it('is the young person’s to give and withdraw, no longer the guardians’', () => {
    expect(givingRefusal(mother, theChild, AT_18)).toBe('the young person is of age and gives their own consent');
    expect(givingRefusal(child, theChild, AT_18)).toBeNull();
    expect(withdrawalRefusal(mother, theChild, guardiansConsent, [], AT_18)).toMatch(/theirs to withdraw/);
    expect(withdrawalRefusal(child, theChild, guardiansConsent, [], AT_18)).toBeNull();
    expect(blockPlacement(mother, theChild, AT_18)).toHaveProperty('refused');
  });
});

describe('a consent the young person gave in their own name', () => {
  it('is theirs: the guardians neither withdraw nor limit it', () => {
    expect(withdrawalRefusal(mother, theChild, youngPersonsConsent, [], AT_15)).toBe(YOUNG_PERSONS_OWN_WORD);
    expect(withdrawalRefusal(child, theChild, youngPersonsConsent, [], AT_15)).toBeNull();
    expect(withdrawalRefusal(doctor, theChild, youngPersonsConsent, [sip()], AT_15)).toBeNull();
    expect(replacingRefusal(youngPersonsConsent, { givenByChild: false })).toBe(YOUNG_PERSONS_OWN_WORD);
    expect(replacingRefusal(youngPersonsConsent, { givenByChild: true })).toBeNull();
    expect(replacingRefusal(guardiansConsent, { givenByChild: false })).toBeNull();
  });
});
