import { describe, expect, it } from 'vitest';
import { MAX_LOOKUPS_PER_HOUR } from './child-records.ts';
import { DEFAULT_DAILY_CHILDREN_THRESHOLD, REVIEW_KINDS, reviewRefusal } from './review.ts';

describe('what a privacy officer reviews', () => {
  it('reviews every act by which staff make a consent or a block count, every miss and every emergency', () => {
    expect(Object.keys(REVIEW_KINDS)).toEqual(
      expect.arrayContaining([
        'STAFF_RECORDED_CONSENT',
        'STAFF_LINKED_CONSENT',
        'STAFF_RECORDED_BLOCK',
        'READ_WITHOUT_RELATION',
        'LOOKUP_MISS',
        'EMERGENCY_ACCESS',
        'UNUSUAL_VOLUME',
      ]),
    );
    for (const description of Object.values(REVIEW_KINDS)) expect(description).toMatch(/^(a|an|more) /);
  });

  it('flags a day’s volume of children below what an hour of lookups allows', () => {
    expect(Number.isInteger(DEFAULT_DAILY_CHILDREN_THRESHOLD)).toBe(true);
    expect(DEFAULT_DAILY_CHILDREN_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_DAILY_CHILDREN_THRESHOLD).toBeLessThan(MAX_LOOKUPS_PER_HOUR);
  });
});

describe('four eyes on the review', () => {
  const officer = { subject: 'dpo-1', role: 'privacy_officer', agency: null, unit: null, name: null };

  it('leaves a privacy officer’s own act to another', () => {
    expect(reviewRefusal(officer, 'dpo-1')).toMatch(/another privacy officer/);
    expect(reviewRefusal(officer, 'staff-school-ekbacken-1')).toBeNull();
  });
});
