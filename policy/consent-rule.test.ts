import { describe, expect, it } from 'vitest';
import {
  ask,
  at,
  consent,
  counsellor,
  father,
  jointCustody,
  mother,
  nurse,
  sip,
  taking,
} from './consent-rule.fixtures.ts';
import { consentStatusAt, replacementTimes, type ChildFacts } from './consent-rule.ts';

describe('the consent rule', () => {
  it('grants when one consent covers scope, recipient, givers and the instant', () => {
    expect(ask([consent()], '2026-03-01T12:00:00Z')).toEqual({ granted: true, consentId: 'consent-1' });
  });

  it('holds from validFrom inclusive until validUntil exclusive', () => {
    expect(ask([consent()], '2025-12-31T23:59:59.999Z')).toEqual({
      granted: false,
      reason: 'NOT_YET_VALID',
      consentId: 'consent-1',
    });
    expect(ask([consent()], '2026-01-01T00:00:00.000Z')).toEqual({ granted: true, consentId: 'consent-1' });
    expect(ask([consent()], '2026-06-30T23:59:59.999Z')).toEqual({ granted: true, consentId: 'consent-1' });
    expect(ask([consent()], '2026-07-01T00:00:00.000Z')).toEqual({
      granted: false,
      reason: 'EXPIRED',
      consentId: 'consent-1',
    });
  });

  it('stops at the instant of withdrawal, not before', () => {
    const withdrawn = consent({ withdrawnAt: at('2026-03-01T10:00:00Z') });
    expect(ask([withdrawn], '2026-03-01T09:59:59.999Z')).toMatchObject({ granted: true });
    expect(ask([withdrawn], '2026-03-01T10:00:00Z')).toEqual({
      granted: false,
      reason: 'WITHDRAWN',
      consentId: 'consent-1',
    });
  });

  it('refuses with NO_CONSENT when nothing was recorded by that instant', () => {
    expect(ask([], '2026-03-01T00:00:00Z')).toEqual({ granted: false, reason: 'NO_CONSENT', consentId: null });
    expect(ask([consent({ recordedAt: at('2026-03-02T00:00:00Z') })], '2026-03-01T00:00:00Z')).toEqual({
      granted: false,
      reason: 'NO_CONSENT',
      consentId: null,
    });
  });

  it('refuses a scope the consent does not name, and a reader it does not name', () => {
    expect(ask([consent()], '2026-03-01T00:00:00Z', jointCustody, 'HEALTH_MEDICATION')).toEqual({
      granted: false,
      reason: 'SCOPE_NOT_COVERED',
      consentId: 'consent-1',
    });
    // The nurse takes part in the SIP, but the consent names only the school's unit.
    const withNurse: ChildFacts = {
      ...jointCustody,
      sips: [sip({ participants: [taking(counsellor), taking(nurse)] })],
    };
    const onlySchool = consent({
      recipients: {
        toSipParticipants: false,
        named: [{ agency: 'SCHOOL', unit: 'Ekbackens skola', subject: null }],
        wholeAgencies: [],
      },
    });
    expect(ask([onlySchool], '2026-03-01T00:00:00Z', withNurse, 'HEALTH_DIAGNOSES', nurse)).toEqual({
      granted: false,
      reason: 'RECIPIENT_NOT_COVERED',
      consentId: 'consent-1',
    });
    expect(ask([onlySchool], '2026-03-01T00:00:00Z', withNurse)).toMatchObject({ granted: true });
  });

  it('needs every guardian with custody: joint custody with one parent missing is refused', () => {
    expect(ask([consent({ guardianIds: [mother] })], '2026-03-01T00:00:00Z')).toEqual({
      granted: false,
      reason: 'GUARDIAN_MISSING',
      consentId: 'consent-1',
    });
    const soleCustody: ChildFacts = { ...jointCustody, custodianIds: [mother] };
    expect(ask([consent({ guardianIds: [mother] })], '2026-03-01T00:00:00Z', soleCustody)).toMatchObject({
      granted: true,
    });
  });

  it("counts the child's own consent from the day they turn 15", () => {
    const byChild = consent({ guardianIds: [], givenByChild: true, validUntil: at('2030-01-01T00:00:00Z') });
    expect(ask([byChild], '2029-05-09T23:59:59Z')).toEqual({
      granted: false,
      reason: 'GUARDIAN_MISSING',
      consentId: 'consent-1',
    });
    expect(ask([byChild], '2029-05-10T00:00:00Z')).toEqual({ granted: true, consentId: 'consent-1' });
  });

  it('refuses a child without registered custodians unless the child consented from 15', () => {
    const noCustodians: ChildFacts = { ...jointCustody, custodianIds: [] };
    expect(ask([consent({ guardianIds: [] })], '2026-03-01T00:00:00Z', noCustodians)).toMatchObject({
      granted: false,
      reason: 'GUARDIAN_MISSING',
    });
  });

  it('uses a replaced version until the replacement is recorded, then only the replacement', () => {
    const original = consent({ id: 'v1', replacedAt: at('2026-03-01T00:00:00Z') });
    const replacement = consent({ id: 'v2', scopes: ['HEALTH_MEDICATION'], recordedAt: at('2026-03-01T00:00:00Z') });
    expect(ask([original, replacement], '2026-02-28T23:59:59Z')).toEqual({ granted: true, consentId: 'v1' });
    expect(ask([original, replacement], '2026-03-01T00:00:00Z')).toEqual({
      granted: false,
      reason: 'SCOPE_NOT_COVERED',
      consentId: 'v2',
    });
  });

  it('grants if any consent in force passes, and otherwise explains with the one that came closest', () => {
    const otherScope = consent({ id: 'other-scope', scopes: ['HEALTH_MEDICATION'] });
    const expired = consent({ id: 'expired', validUntil: at('2026-02-01T00:00:00Z') });
    expect(ask([otherScope, expired], '2026-03-01T00:00:00Z')).toEqual({
      granted: false,
      reason: 'EXPIRED',
      consentId: 'expired',
    });
    expect(ask([otherScope, expired, consent({ id: 'good' })], '2026-03-01T00:00:00Z')).toEqual({
      granted: true,
      consentId: 'good',
    });
  });
});

describe('the 18th birthday', () => {
  const lasting = (changes: Parameters<typeof consent>[0] = {}) =>
    consent({ validUntil: at('2033-01-01T00:00:00Z'), ...changes });
  const DAY_BEFORE = '2032-05-09T12:00:00Z';
  const BIRTHDAY = '2032-05-10T12:00:00Z';

  it('stops a consent only the guardians gave, with a reason of its own', () => {
    expect(ask([lasting()], DAY_BEFORE)).toEqual({ granted: true, consentId: 'consent-1' });
    expect(ask([lasting()], BIRTHDAY)).toEqual({ granted: false, reason: 'CAME_OF_AGE', consentId: 'consent-1' });
    const status = (given: boolean, instant: string) =>
      consentStatusAt({ ...lasting({ givenByChild: given }), withdrawnAt: null }, at(instant), jointCustody);
    expect(status(false, DAY_BEFORE)).toBe('ACTIVE');
    expect(status(false, BIRTHDAY)).toBe('CAME_OF_AGE');
  });

  it('keeps counting the young person’s own word', () => {
    expect(ask([lasting({ givenByChild: true })], BIRTHDAY)).toEqual({ granted: true, consentId: 'consent-1' });
  });
});

describe('a widening one custodian gives', () => {
  const v1 = {
    id: 'v1',
    replacesId: null,
    recordedAt: at('2026-01-10T00:00:00Z'),
    guardianIds: [mother, father],
    givenByChild: false,
  };
  const v2 = {
    id: 'v2',
    replacesId: 'v1',
    recordedAt: at('2026-02-01T00:00:00Z'),
    guardianIds: [mother],
    givenByChild: false,
  };
  const v3 = {
    id: 'v3',
    replacesId: 'v2',
    recordedAt: at('2026-03-01T00:00:00Z'),
    guardianIds: [mother, father],
    givenByChild: false,
  };

  it('waits for the other custodian: the version in force keeps counting until the widening counts', () => {
    expect(replacementTimes([v1, v2], jointCustody)).toEqual(
      new Map([
        ['v1', null],
        ['v2', null],
      ]),
    );
    expect(replacementTimes([v1, v2, v3], jointCustody)).toEqual(
      new Map([
        ['v1', v3.recordedAt],
        ['v2', v3.recordedAt],
        ['v3', null],
      ]),
    );
  });

  it('takes effect at once where it carries everyone’s word (a narrowing keeps the earlier word)', () => {
    const narrowing = { ...v2, guardianIds: [mother, father] };
    expect(replacementTimes([v1, narrowing], jointCustody).get('v1')).toEqual(narrowing.recordedAt);
  });

  it('shows the pending version as PENDING and the one in force as ACTIVE, and the rule agrees', () => {
    const base = consent({ validFrom: at('2026-01-10T00:00:00Z') });
    const widened = {
      ...base,
      id: 'v2',
      guardianIds: [mother],
      scopes: ['HEALTH_DIAGNOSES', 'HEALTH_MEDICATION'],
      recordedAt: v2.recordedAt,
    };
    const instant = at('2026-02-15T00:00:00Z');
    expect(consentStatusAt({ ...base, replacedAt: null }, instant, jointCustody)).toBe('ACTIVE');
    expect(consentStatusAt(widened, instant, jointCustody)).toBe('PENDING');
    expect(ask([base, widened], '2026-02-15T00:00:00Z')).toEqual({ granted: true, consentId: 'consent-1' });
  });
});
