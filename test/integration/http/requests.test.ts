import { beforeAll, describe, expect, it } from 'vitest';
import { FHIR_LABEL } from '../../../subgraphs/health/fhir/fhir-client.ts';
import { CASE_SYSTEM_LABEL } from '../../../subgraphs/social/case-system/case-system-source.ts';
import { SS12000_SOURCE } from '../../../subgraphs/school/ss12000/ss12000-error.ts';
import { postGraphQL, startTestGraph, type TestGraph } from '../../support/test-graph.ts';

describe('HTTP requests to the gateway and subgraphs', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it('answers invalid JSON with a GraphQL error, not a crash', async () => {
    const response = await postGraphQL(graph.gateway.url, '{"query": "{ mySips { id }"');
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      { message: expect.stringMatching(/^Request body is not valid JSON/), extensions: { code: 'BAD_REQUEST' } },
    ]);
    // …and keeps serving.
    expect((await graph.query('{ mySips(first: 1) { id } }')).data?.mySips).toHaveLength(1);
  });

  it('answers a malformed GraphQL document with GRAPHQL_PARSE_FAILED', async () => {
    const response = await graph.query('{ mySips { id ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and no stack trace', async () => {
    const response = await graph.query('{ mySips { shoeSize } }');
    expect(response.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('answers BAD_USER_INPUT for an out-of-range page size', async () => {
    const response = await graph.query('{ mySips(first: 100000) { id } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('reports health of the gateway and every subgraph', async () => {
    const gateway = await fetch(new URL('/health', graph.gateway.url));
    expect(gateway.status).toBe(200);
    expect(await gateway.json()).toEqual({
      status: 'ok',
      subgraphs: { sip: 'ok', school: 'ok', social: 'ok', health: 'ok' },
      requests: { executing: 0, queued: 0, longestWaitMs: 0 },
    });
    for (const subgraph of Object.values(graph.subgraphs)) {
      const res = await fetch(new URL('/health', subgraph.url));
      // Each names what it depends on: its own database, or the agency system it adapts.
      expect(await res.json()).toEqual(
        {
          sip: { status: 'ok', subgraph: 'sip', database: 'ok' },
          school: {
            status: 'ok',
            subgraph: 'school',
            database: 'ok',
            source: { system: SS12000_SOURCE, status: 'ok' },
          },
          social: { status: 'ok', subgraph: 'social', source: { system: CASE_SYSTEM_LABEL, status: 'ok' } },
          health: { status: 'ok', subgraph: 'health', source: { system: FHIR_LABEL, status: 'ok' } },
        }[subgraph.name],
      );
    }
  });

  it('serves GraphiQL and its assets from the installed packages', async () => {
    const page = await fetch(graph.gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, graph.gateway.url));
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it('answers unknown paths with 404', async () => {
    const res = await fetch(new URL('/nope', graph.gateway.url));
    expect(res.status).toBe(404);
  });
});
