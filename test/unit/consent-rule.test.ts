import { describe, expect, it } from 'vitest';
import { decideConsent, type ChildFacts, type ConsentFacts } from '../../policy/consent-rule.ts';
import { emergencyGround } from '../../policy/emergency-access.ts';
import type { ParticipationFacts, Reader, SipFacts } from '../../policy/recipients.ts';

const at = (iso: string) => new Date(iso);
const mother = 'guardian-mother';
const father = 'guardian-father';
const counsellor: Reader = { subject: 'staff-counsellor', agency: 'SCHOOL', unit: 'Ekbackens skola' };
const nurse: Reader = { subject: 'staff-nurse', agency: 'HEALTH_CARE', unit: 'Vårdcentralen' };
const taking = (reader: Reader, changes: Partial<ParticipationFacts> = {}): ParticipationFacts => ({
  kind: 'STAFF',
  subject: reader.subject,
  agency: reader.agency,
  unit: reader.unit,
  addedAt: at('2025-12-01T00:00:00Z'),
  removedAt: null,
  ...changes,
});
const sip = (changes: Partial<SipFacts> = {}): SipFacts => ({
  id: 'sip-1',
  closedAt: null,
  participants: [taking(counsellor)],
  ...changes,
});
const jointCustody: ChildFacts = {
  dateOfBirth: at('2014-05-10T00:00:00Z'),
  custodianIds: [mother, father],
  sips: [sip()],
  emergencyAccesses: [],
  blocks: [],
};

const consent = (overrides: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'consent-1',
  guardianIds: [mother, father],
  givenByChild: false,
  scopes: ['HEALTH_DIAGNOSES'],
  recipients: { toSipParticipants: true, named: [], wholeAgencies: [] },
  sipLinks: [{ sipId: 'sip-1', linkedAt: at('2025-12-15T09:00:00Z') }],
  validFrom: at('2026-01-01T00:00:00Z'),
  validUntil: at('2026-07-01T00:00:00Z'),
  recordedAt: at('2025-12-15T09:00:00Z'),
  withdrawnAt: null,
  replacedAt: null,
  ...overrides,
});

const ask = (
  consents: ConsentFacts[],
  instant: string,
  child: ChildFacts = jointCustody,
  scope = 'HEALTH_DIAGNOSES',
  reader: Reader = counsellor,
) => decideConsent(consents, child, { scope, reader, at: at(instant) });

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

describe('recipients and need to know', () => {
  const MARCH = '2026-03-01T12:00:00Z';
  const named = (recipients: Partial<ConsentFacts['recipients']>, changes: Partial<ConsentFacts> = {}) =>
    consent({
      recipients: { toSipParticipants: false, named: [], wholeAgencies: [], ...recipients },
      sipLinks: [],
      ...changes,
    });
  const noSips: ChildFacts = { ...jointCustody, sips: [] };
  const colleague: Reader = { ...nurse, subject: 'staff-nurse-2' };

  it('refuses staff with no relation to the child (in none of its open SIPs, named by no consent)', () => {
    expect(ask([consent()], MARCH, jointCustody, 'HEALTH_DIAGNOSES', nurse)).toEqual({
      granted: false,
      reason: 'NO_RELATION',
      consentId: null,
    });
    for (const family of [
      { subject: mother, agency: null, unit: null },
      { subject: 'dpo-1', agency: null, unit: null },
    ])
      expect(ask([consent()], MARCH, jointCustody, 'HEALTH_DIAGNOSES', family)).toMatchObject({
        reason: 'NO_RELATION',
      });
  });

  it('covers a participant from the instant they are added until the instant they are removed', () => {
    const child = (changes: Partial<ParticipationFacts>) => ({
      ...jointCustody,
      sips: [sip({ participants: [taking(counsellor, changes)] })],
    });
    const added = child({ addedAt: at(MARCH) });
    expect(ask([consent()], '2026-03-01T11:59:59.999Z', added)).toMatchObject({ reason: 'NO_RELATION' });
    expect(ask([consent()], MARCH, added)).toMatchObject({ granted: true });
    const removed = child({ removedAt: at(MARCH) });
    expect(ask([consent()], '2026-03-01T11:59:59.999Z', removed)).toMatchObject({ granted: true });
    expect(ask([consent()], MARCH, removed)).toMatchObject({ granted: false, reason: 'NO_RELATION' });
  });

  it('ends need to know when the SIP closes, and checks the unit the reader reads from now', () => {
    const closed = { ...jointCustody, sips: [sip({ closedAt: at(MARCH) })] };
    expect(ask([consent()], '2026-03-01T11:59:59.999Z', closed)).toMatchObject({ granted: true });
    expect(ask([consent()], MARCH, closed)).toMatchObject({ reason: 'NO_RELATION' });
    const movedUnit = { ...counsellor, unit: 'Solrosens skola' };
    expect(ask([consent()], MARCH, jointCustody, 'HEALTH_DIAGNOSES', movedUnit)).toMatchObject({
      reason: 'NO_RELATION',
    });
  });

  it('covers the SIP participants only under consents linked to their SIP, from the instant of linking', () => {
    const linkedLater = consent({ sipLinks: [{ sipId: 'sip-1', linkedAt: at(MARCH) }] });
    expect(ask([linkedLater], '2026-03-01T11:59:59.999Z')).toEqual({
      granted: false,
      reason: 'RECIPIENT_NOT_COVERED',
      consentId: 'consent-1',
    });
    expect(ask([linkedLater], MARCH)).toMatchObject({ granted: true });
    expect(
      ask([consent({ sipLinks: [{ sipId: 'another-sip', linkedAt: at('2026-01-01T00:00:00Z') }] })], MARCH),
    ).toMatchObject({ reason: 'RECIPIENT_NOT_COVERED' });
  });

  it('stops covering the participants of a SIP once it closes, even for a reader named elsewhere', () => {
    const closed = { ...jointCustody, sips: [sip({ closedAt: at(MARCH) })] };
    // Named by a second consent (a relation), but that consent does not cover the scope.
    const otherScope = named(
      { named: [{ agency: 'SCHOOL', unit: 'Ekbackens skola', subject: null }] },
      { id: 'named', scopes: ['SCHOOL_ENROLMENT'] },
    );
    expect(ask([consent(), otherScope], '2026-03-01T11:59:59.999Z', closed)).toMatchObject({ granted: true });
    expect(ask([consent(), otherScope], MARCH, closed)).toEqual({
      granted: false,
      reason: 'RECIPIENT_NOT_COVERED',
      consentId: 'consent-1',
    });
  });

  it('covers a named person, and only them, without a SIP', () => {
    const toNurse = named({ named: [{ agency: 'HEALTH_CARE', unit: 'Vårdcentralen', subject: nurse.subject }] });
    expect(ask([toNurse], MARCH, noSips, 'HEALTH_DIAGNOSES', nurse)).toEqual({ granted: true, consentId: 'consent-1' });
    expect(ask([toNurse], MARCH, noSips, 'HEALTH_DIAGNOSES', colleague)).toMatchObject({ reason: 'NO_RELATION' });
    // Named at their unit: the same person reading from another unit is not covered.
    expect(ask([toNurse], MARCH, noSips, 'HEALTH_DIAGNOSES', { ...nurse, unit: 'BUP Norra' })).toMatchObject({
      reason: 'NO_RELATION',
    });
  });

  it('covers everyone at a named unit, and everyone at a whole agency named as the broader choice', () => {
    const toUnit = named({ named: [{ agency: 'HEALTH_CARE', unit: 'Vårdcentralen', subject: null }] });
    expect(ask([toUnit], MARCH, noSips, 'HEALTH_DIAGNOSES', colleague)).toMatchObject({ granted: true });
    const toAgency = named({ wholeAgencies: ['HEALTH_CARE'] });
    expect(ask([toAgency], MARCH, noSips, 'HEALTH_DIAGNOSES', { ...colleague, unit: 'BUP Norra' })).toMatchObject({
      granted: true,
    });
    expect(ask([toAgency], MARCH, noSips, 'HEALTH_DIAGNOSES', counsellor)).toMatchObject({ reason: 'NO_RELATION' });
  });

  it('a withdrawn consent that named the reader explains itself rather than hiding behind NO_RELATION', () => {
    const toNurse = named({ wholeAgencies: ['HEALTH_CARE'] }, { withdrawnAt: at('2026-02-01T00:00:00Z') });
    expect(ask([toNurse], MARCH, noSips, 'HEALTH_DIAGNOSES', nurse)).toEqual({
      granted: false,
      reason: 'WITHDRAWN',
      consentId: 'consent-1',
    });
  });
});

/** The counsellor's emergency access to diagnoses, open from 12:00 to 14:00 on 1 March. */
const counsellorsEmergency = {
  id: 'emergency-1',
  subject: counsellor.subject,
  agency: 'SCHOOL',
  unit: 'Ekbackens skola',
  scopes: ['HEALTH_DIAGNOSES'],
  openedAt: at('2026-03-01T12:00:00Z'),
  until: at('2026-03-01T14:00:00Z'),
};

describe('emergency access', () => {
  const OPENED = '2026-03-01T12:00:00Z';
  const withEmergency: ChildFacts = {
    ...jointCustody,
    emergencyAccesses: [counsellorsEmergency],
  };

  it('grants what no consent does, to the person who opened it, for its scopes, from opening until its end', () => {
    expect(ask([], '2026-03-01T11:59:59.999Z', withEmergency)).toMatchObject({ granted: false, reason: 'NO_CONSENT' });
    expect(ask([], OPENED, withEmergency)).toEqual({
      granted: true,
      consentId: null,
      emergencyAccessId: 'emergency-1',
    });
    expect(ask([], '2026-03-01T14:00:00Z', withEmergency)).toMatchObject({ granted: false, reason: 'NO_CONSENT' });
    expect(ask([], OPENED, withEmergency, 'HEALTH_MEDICATION')).toMatchObject({ granted: false });
    const colleague = { ...counsellor, subject: 'staff-counsellor-2' };
    expect(ask([], OPENED, withEmergency, 'HEALTH_DIAGNOSES', colleague)).toMatchObject({ granted: false });
  });

  it('is not needed where a consent grants: the decision names the consent', () => {
    expect(ask([consent()], OPENED, withEmergency)).toEqual({ granted: true, consentId: 'consent-1' });
  });

  it('is opened by staff in the child’s open SIP, or of a unit in contact with the child, and no one else', () => {
    const sips = jointCustody.sips;
    const now = at(OPENED);
    expect(emergencyGround(counsellor, sips, now, false)).toBe('SIP_PARTICIPANT');
    expect(emergencyGround(nurse, sips, now, false)).toBeNull();
    expect(emergencyGround(nurse, sips, now, true)).toBe('UNIT_IN_CONTACT');
    expect(emergencyGround(counsellor, [sip({ closedAt: at('2026-02-01T00:00:00Z') })], now, false)).toBeNull();
    const guardian: Reader = { subject: mother, agency: null, unit: null };
    expect(emergencyGround(guardian, sips, now, true)).toBeNull();
  });
});

describe('blocks', () => {
  const PLACED = '2026-03-01T12:00:00Z';
  const block = (changes: Partial<ChildFacts['blocks'][number]> = {}): ChildFacts => ({
    ...jointCustody,
    blocks: [
      {
        id: 'block-1',
        scopes: ['HEALTH_DIAGNOSES'],
        recordId: null,
        fromUnits: [],
        placedAt: at(PLACED),
        until: null,
        liftedAt: null,
        ...changes,
      },
    ],
  });

  it('goes before a consent that grants, from placing until its end or its lifting', () => {
    expect(ask([consent()], '2026-03-01T11:59:59.999Z', block())).toMatchObject({ granted: true });
    expect(ask([consent()], PLACED, block())).toEqual({
      granted: false,
      reason: 'BLOCKED',
      consentId: null,
      blockId: 'block-1',
    });
    const ends = block({ until: at('2026-03-02T00:00:00Z') });
    expect(ask([consent()], '2026-03-01T23:59:59.999Z', ends)).toMatchObject({ reason: 'BLOCKED' });
    expect(ask([consent()], '2026-03-02T00:00:00Z', ends)).toMatchObject({ granted: true });
    const lifted = block({ liftedAt: at('2026-03-01T13:00:00Z') });
    expect(ask([consent()], '2026-03-01T13:00:00Z', lifted)).toMatchObject({ granted: true });
    expect(ask([consent()], PLACED, block(), 'HEALTH_MEDICATION')).toMatchObject({ reason: 'SCOPE_NOT_COVERED' });
  });

  it('keeps data from named units only, when it names them', () => {
    const fromBup = block({ fromUnits: [{ agency: 'HEALTH_CARE', unit: 'BUP Norra' }] });
    expect(ask([consent()], PLACED, fromBup)).toMatchObject({ granted: true });
    const fromSchool = block({ fromUnits: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }] });
    expect(ask([consent()], PLACED, fromSchool)).toMatchObject({ reason: 'BLOCKED' });
  });

  it('goes before emergency access too', () => {
    const both: ChildFacts = {
      ...block(),
      emergencyAccesses: [counsellorsEmergency],
    };
    expect(ask([], PLACED, both)).toMatchObject({ granted: false, reason: 'BLOCKED' });
  });

  describe('of a single record', () => {
    const oneDiagnosis = (changes: Partial<ChildFacts['blocks'][number]> = {}) =>
      block({ recordId: 'diagnosis-7', ...changes });

    it('grants the scope but names the record to leave out, from placing until its end or its lifting', () => {
      expect(ask([consent()], '2026-03-01T11:59:59.999Z', oneDiagnosis())).toEqual({
        granted: true,
        consentId: 'consent-1',
      });
      expect(ask([consent()], PLACED, oneDiagnosis())).toEqual({
        granted: true,
        consentId: 'consent-1',
        blockedRecordIds: ['diagnosis-7'],
        recordsLeftOut: 1,
      });
      const lifted = oneDiagnosis({ liftedAt: at('2026-03-01T13:00:00Z') });
      expect(ask([consent()], '2026-03-01T13:00:00Z', lifted)).toEqual({ granted: true, consentId: 'consent-1' });
      const ends = oneDiagnosis({ until: at('2026-03-02T00:00:00Z') });
      expect(ask([consent()], '2026-03-02T00:00:00Z', ends)).not.toHaveProperty('blockedRecordIds');
    });

    it('keeps the record wherever it is listed, from named units only when it names them', () => {
      const listedElsewhere = ask([consent()], PLACED, oneDiagnosis({ scopes: ['HEALTH_MEDICATION'] }));
      expect(listedElsewhere).toMatchObject({ blockedRecordIds: ['diagnosis-7'] });
      // Counted under the category the block names only: the reader of diagnoses is told of none.
      expect(listedElsewhere).not.toHaveProperty('recordsLeftOut');
      const fromBup = oneDiagnosis({ fromUnits: [{ agency: 'HEALTH_CARE', unit: 'BUP Norra' }] });
      expect(ask([consent()], PLACED, fromBup)).not.toHaveProperty('blockedRecordIds');
    });

    it('is left out of an emergency read too, and refuses nothing the rule refuses anyway', () => {
      const both: ChildFacts = { ...oneDiagnosis(), emergencyAccesses: [counsellorsEmergency] };
      expect(ask([], PLACED, both)).toEqual({
        granted: true,
        consentId: null,
        emergencyAccessId: counsellorsEmergency.id,
        blockedRecordIds: ['diagnosis-7'],
        recordsLeftOut: 1,
      });
      expect(ask([], PLACED, oneDiagnosis())).toEqual({ granted: false, reason: 'NO_CONSENT', consentId: null });
    });
  });
});
