import { describe, expect, it } from 'vitest';
import { AGENCIES } from './agencies.ts';
import { CONSENT_SCOPES, isConsentScope, scopePhrase } from './scopes.ts';

describe('the information categories', () => {
  it('each belong to one agency of the registry, and every agency has at least one', () => {
    const owners = Object.values(CONSENT_SCOPES).map((scope) => scope.agency);
    for (const owner of owners) expect(AGENCIES).toContain(owner);
    for (const agency of AGENCIES) expect(owners).toContain(agency);
  });

  it('are told apart from any other string', () => {
    expect(isConsentScope('HEALTH_DIAGNOSES')).toBe(true);
    expect(isConsentScope('toString')).toBe(false);
    expect(isConsentScope('health_diagnoses')).toBe(false);
  });

  it('read as a phrase inside a sentence', () => {
    expect(scopePhrase('HEALTH_DIAGNOSES')).toBe('diagnoses (ICD-10 code and text)');
  });
});
