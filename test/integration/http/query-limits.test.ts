import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../../gateway/query-limits.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

/** schoolPlacements → nodes → child → schoolPlacement → child → … `levels` deep, then id: depth levels + 3. */
function nested(levels: number): string {
  let selection = 'id';
  for (let i = levels - 1; i >= 0; i--)
    selection = i % 2 === 0 ? `child { ${selection} }` : `schoolPlacement { ${selection} }`;
  return `{ schoolPlacements(schoolUnitCode: "45812345") { nodes { ${selection} } } }`;
}

describe('query limits at the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));
  const subgraphRequests = () =>
    Object.values(graph.subgraphs).reduce((sum, subgraph) => sum + (subgraph.requestCounts.get('/graphql') ?? 0), 0);

  it('serves an operation exactly at the depth limit', async () => {
    const response = await graph.query(nested(DEFAULT_QUERY_LIMITS.maxDepth - 3), {}, 'school counsellor');
    expect(response.errors).toBeUndefined();
  });

  it('refuses one level deeper, before asking any subgraph', async () => {
    const before = subgraphRequests();
    const response = await graph.query(nested(DEFAULT_QUERY_LIMITS.maxDepth - 2), {}, 'school counsellor');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxDepth',
      max: DEFAULT_QUERY_LIMITS.maxDepth,
    });
    expect(subgraphRequests()).toBe(before);
  });

  it.each([
    ['maxAliases', `{ myChildren { ${Array.from({ length: 101 }, (_, i) => `a${i}: id`).join(' ')} } }`],
    [
      'maxDirectives',
      `{ myChildren { ${Array.from({ length: 51 }, (_, i) => `i${i}: id @include(if: true)`).join(' ')} } }`,
    ],
  ])('refuses an operation over %s, before asking any subgraph', async (limit, query) => {
    const before = subgraphRequests();
    const response = await graph.query(query, {}, 'school counsellor');
    expect(response.status).toBe(400);
    expect(response.errors?.map((error) => error.extensions)).toContainEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit,
      max: DEFAULT_QUERY_LIMITS[limit as 'maxAliases' | 'maxDirectives'],
    });
    expect(subgraphRequests()).toBe(before);
  });

  it('counts every alias and every use of a fragment', async () => {
    const idAliases = Array.from({ length: DEFAULT_QUERY_LIMITS.maxFields }, (_, i) => `a${i}: id`);
    const aliases = `{ myChildren { ${idAliases.join(' ')} } }`;
    const fragmentUses = Array.from({ length: 700 }, (_, i) => `c${i}: careContacts { ...Unit }`);
    const fragments = `{ myChildren { ${fragmentUses.join(' ')} } } fragment Unit on CareContact { unitName unitType }`;
    for (const query of [aliases, fragments]) {
      const before = subgraphRequests();
      const response = await graph.query(query, {}, 'school counsellor');
      expect(response.errors?.[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxFields',
        max: DEFAULT_QUERY_LIMITS.maxFields,
      });
      expect(subgraphRequests()).toBe(before);
    }
  });
});
