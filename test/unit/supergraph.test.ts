import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE } from '../../gateway/supergraph.ts';
import { composeSupergraph } from '../../tools/compose-supergraph.ts';
import { allSubgraphs } from '../../subgraphs/index.ts';

describe('the committed supergraph', () => {
  it(
    'composes without errors and matches schema/supergraph.graphql (run ' + '`npm run compose` after a schema change)',
    async () => {
      const { supergraph, api } = await composeSupergraph(allSubgraphs);
      expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(supergraph);
      expect(readFileSync(API_SCHEMA_FILE, 'utf8')).toBe(api);
    },
  );

  it('gives clients an API schema without federation, its scalars declared, each guarded field described', () => {
    const api = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(api).not.toMatch(/join__|link__|@link|@key|@consent/);
    expect(api).toMatch(/^scalar DateTime$/m);
    expect(api).toMatch(/^scalar LocalDate$/m);
    expect(api).toMatch(/Guarded by consent, scope HEALTH_CARE_CONTACTS[^]*\n\s*careContacts: \[CareContact!\]\n/);
  });

  it('shows which subgraph resolves each field of Child', async () => {
    const supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
    expect(supergraph).toMatch(/schoolPlacement: SchoolPlacement @join__field\(graph: SCHOOL\)/);
    expect(supergraph).toMatch(/openSocialCase: SocialCase @join__field\(graph: SOCIAL\)/);
    expect(supergraph).toMatch(/careContacts: \[CareContact!\] @join__field\(graph: HEALTH\)/);
  });
});
