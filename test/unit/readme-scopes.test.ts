import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENT_SCOPES } from '../../schema/consent-scopes.ts';

describe("the README's scope table, which privacy officers read", () => {
  it('lists exactly the catalogue, each scope with its agency and description', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| ([A-Z_]+) \| (.+?) \|/gm)].map(([, scope, agency, description]) => ({ scope, agency, description }));
    expect(rows).toEqual(Object.entries(CONSENT_SCOPES).map(([scope, { agency, description }]) => ({ scope, agency, description })));
  });
});
