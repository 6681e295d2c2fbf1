import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_FILE } from '../../gateway/supergraph.ts';
import { composeSupergraph } from '../../tools/compose-supergraph.ts';
import { allSubgraphs } from '../../subgraphs/index.ts';

describe('the committed supergraph', () => {
  it(
    'composes without errors and matches schema/supergraph.graphql (run ' + '`npm run compose` after a schema change)',
    async () => {
      const composed = await composeSupergraph(allSubgraphs);
      expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composed);
    },
  );

  it('shows which subgraph resolves each field of Child', async () => {
    const supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
    expect(supergraph).toMatch(/schoolPlacement: SchoolPlacement @join__field\(graph: SCHOOL\)/);
    expect(supergraph).toMatch(/openSocialCase: SocialCase @join__field\(graph: SOCIAL\)/);
    expect(supergraph).toMatch(/careContacts: \[CareContact!\]! @join__field\(graph: HEALTH\)/);
  });
});
