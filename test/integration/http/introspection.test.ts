import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE } from '../../../gateway/supergraph.ts';
import { INTROSPECTION_MAX_DEPTH } from '../../../lib/server/introspection.ts';
import { startOwnTestGraph, startTestGraph, type OwnTestGraph, type TestGraph } from '../../support/test-graph.ts';

/** `__schema { types { fields { type { ofType { … name } } } } }`, `levels` deep as the depth limit counts. */
function deepIntrospection(levels: number): string {
  let selection = 'name';
  for (let i = 0; i < levels - 5; i++) selection = `ofType { ${selection} }`;
  return `{ __schema { types { fields { type { ${selection} } } } } }`;
}

/** What GraphiQL's Docs panel and code generators ask: the standard introspection query. */
describe('introspection through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it('answers staff the standard introspection query with the schema in schema/api.graphql', async () => {
    const response = await graph.query(getIntrospectionQuery({ descriptions: true }), {}, 'school counsellor');
    expect(response.errors).toBeUndefined();
    const sorted = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    const served = buildClientSchema(response.data as unknown as IntrospectionQuery);
    expect(sorted(served)).toBe(sorted(buildSchema(readFileSync(API_SCHEMA_FILE, 'utf8'))));
  });

  it('still refuses an introspection deeper than the standard query needs', async () => {
    expect(
      (await graph.query(deepIntrospection(INTROSPECTION_MAX_DEPTH), {}, 'privacy officer')).errors,
    ).toBeUndefined();
    const response = await graph.query(deepIntrospection(INTROSPECTION_MAX_DEPTH + 1), {}, 'privacy officer');
    expect(response.errors?.[0].extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxDepth',
      max: INTROSPECTION_MAX_DEPTH,
    });
  });

  it('refuses guardians and children by default, and lets everyone read __typename', async () => {
    for (const as of ['guardian (Maria Lindqvist)', 'child, 16 (Elias Berg)'] as const) {
      const response = await graph.query(`{ __schema { queryType { name } } }`, {}, as);
      expect(response.errors?.[0].extensions?.code, as).toBe('FORBIDDEN');
      // A refusal, not a server error: GraphiQL's Docs for a family member.
      expect(response.status, as).toBe(403);
      expect(response.data ?? null).toBeNull();
      const typename = await graph.query(`{ __typename myChildren { __typename } }`, {}, as);
      expect(typename.errors, as).toBeUndefined();
    }
    const named = await graph.query(`{ __type(name: "Child") { name } }`, {}, 'guardian (Maria Lindqvist)');
    expect(named.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('with GATEWAY_INTROSPECTION=off', () => {
    let closed: OwnTestGraph;
    beforeAll(async () => void (closed = await startOwnTestGraph({ introspection: 'off' })));
    afterAll(async () => closed?.stop());

    it('refuses staff too, and still serves their data', async () => {
      const response = await closed.query(`{ __schema { queryType { name } } }`, {}, 'privacy officer');
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringContaining('schema/api.graphql'),
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await closed.query(`{ mySips { id } }`, {}, 'school counsellor')).errors).toBeUndefined();
    });
  });
});
