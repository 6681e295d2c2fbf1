import { describe, expect, it } from 'vitest';
import { AGE_OF_MAJORITY, ageOn, isOfAge, OWN_CONSENT_AGE, speaksForThemselves } from './age.ts';
import { AT_15, at, BEFORE_15, BORN } from './requesters.fixtures.ts';

describe('a child’s age', () => {
  it('counts whole years, turning on the birthday itself', () => {
    expect(ageOn(BORN, BEFORE_15)).toBe(14);
    expect(ageOn(BORN, AT_15)).toBe(15);
    expect(ageOn(at('2012-02-29T00:00:00Z'), at('2027-02-28T12:00:00Z'))).toBe(14);
    expect(ageOn(at('2012-02-29T00:00:00Z'), at('2027-03-01T00:00:00Z'))).toBe(15);
  });

  it(`lets a child speak for themselves from ${OWN_CONSENT_AGE}, not a day before`, () => {
    expect(speaksForThemselves(BORN, BEFORE_15)).toBe(false);
    expect(speaksForThemselves(BORN, AT_15)).toBe(true);
  });
});

describe('coming of age', () => {
  it(`makes the young person of age on their ${AGE_OF_MAJORITY}th birthday, not a day before`, () => {
    expect(isOfAge(BORN, at('2029-05-09T12:00:00Z'))).toBe(false);
    expect(isOfAge(BORN, at('2029-05-10T00:00:00Z'))).toBe(true);
  });
});
