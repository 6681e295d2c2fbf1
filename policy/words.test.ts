import { describe, expect, it } from 'vitest';
import { AGENCY_SUBGRAPHS } from './agencies.ts';
import { CONSENT_SCOPES } from './scopes.ts';
import type { Language } from './words.ts';

const LANGUAGES: Language[] = ['en', 'sv'];

describe('the vocabulary', () => {
  it('names every agency and every category in both languages, each name its own', () => {
    const named = [
      ...AGENCY_SUBGRAPHS.map((entry) => ['agency', entry.names] as const),
      ...Object.values(CONSENT_SCOPES).map((scope) => ['category', scope.names] as const),
    ];
    for (const language of LANGUAGES) {
      const names = named.map(([, names]) => names[language].trim());
      expect(names.every((name) => name !== '')).toBe(true);
      expect(new Set(names.map((name) => name.toLowerCase())).size, language).toBe(names.length);
    }
  });

  it('describes every category in both languages', () => {
    for (const { descriptions } of Object.values(CONSENT_SCOPES))
      for (const language of LANGUAGES) expect(descriptions[language]).toMatch(/\.$/);
  });
});
