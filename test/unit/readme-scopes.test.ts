import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| ([A-Z_]+) \| (.+?) \| (.*) \|$/gm)].map(
  ([, scope, agency, description, fields]) => ({ scope, agency, description, fields }),
);

/** `Type.field` for every field of the composed supergraph marked `@consent(scope)`, by scope. */
function guardedFieldsByScope(): Map<string, string[]> {
  const byScope = new Map<string, string[]>();
  for (const definition of parse(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8')).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const consent = field.directives?.find((d) => d.name.value === 'consent');
      const scope = consent?.arguments?.find((a) => a.name.value === 'scope')?.value;
      if (scope?.kind === Kind.STRING)
        byScope.set(scope.value, [...(byScope.get(scope.value) ?? []), `${definition.name.value}.${field.name.value}`]);
    }
  }
  return byScope;
}

describe("the README's scope table, which privacy officers read", () => {
  it('lists exactly the catalogue, each scope with its agency and description', () => {
    expect(rows.map(({ scope, agency, description }) => ({ scope, agency, description }))).toEqual(
      Object.entries(CONSENT_SCOPES).map(([scope, { agency, descriptions }]) => ({
        scope,
        agency,
        description: descriptions.en,
      })),
    );
  });

  it('names, for each scope, exactly the fields the composed graph releases under it', () => {
    const composed = guardedFieldsByScope();
    for (const { scope, fields } of rows) {
      const listed = [...fields.matchAll(/`([A-Za-z]+\.[A-Za-z]+)`/g)].map(([, field]) => field);
      expect(listed.sort(), scope).toEqual((composed.get(scope) ?? []).sort());
    }
  });
});
