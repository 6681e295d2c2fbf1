import { describe, expect, it } from 'vitest';
import { ask, at, consent, counsellor, jointCustody, mother, nurse, sip, taking } from './consent-rule.fixtures.ts';
import type { ChildFacts, ConsentFacts } from './consent-rule.ts';
import type { ParticipationFacts, Reader } from './recipients.ts';

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
