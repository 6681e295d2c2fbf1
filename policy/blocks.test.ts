import { describe, expect, it } from 'vitest';
import { ask, at, consent, jointCustody, nurse, nursesEmergency } from './consent-rule.fixtures.ts';
import type { ChildFacts } from './consent-rule.ts';

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
      emergencyAccesses: [nursesEmergency],
    };
    expect(ask([], PLACED, both, 'HEALTH_DIAGNOSES', nurse)).toMatchObject({ granted: false, reason: 'BLOCKED' });
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
      const both: ChildFacts = { ...oneDiagnosis(), emergencyAccesses: [nursesEmergency] };
      expect(ask([], PLACED, both, 'HEALTH_DIAGNOSES', nurse)).toEqual({
        granted: true,
        consentId: null,
        emergencyAccessId: nursesEmergency.id,
        blockedRecordIds: ['diagnosis-7'],
        recordsLeftOut: 1,
      });
      expect(ask([], PLACED, oneDiagnosis(), 'HEALTH_DIAGNOSES', nurse)).toEqual({
        granted: false,
        reason: 'NO_RELATION',
        consentId: null,
      });
    });
  });
});
