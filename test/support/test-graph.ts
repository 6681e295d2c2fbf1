import { generateSigningKeyPair, type KeyPair } from '../../lib/auth/keys.ts';
import type { Clock } from '../../lib/clock.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/config.ts';
import { DEMO_PERSONAS, ephemeralDevIdentity, type TokenClaims } from '../../scripts/dev-identity.ts';
import { startGraph, type RunningGraph } from '../../scripts/start-graph.ts';
import { createTestDatabases } from './test-databases.ts';

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface TestGraph extends RunningGraph {
  /** POSTs a GraphQL request to the gateway as `as` (default: a social worker). */
  query<TData = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: Persona | TokenClaims): Promise<GraphQLResponse<TData>>;
  /** The gateway's requester-context keys, to call subgraphs directly as the gateway would. */
  contextKeys: KeyPair;
  /** A bearer token from the graph's identity provider. */
  token(as: Persona | TokenClaims, expiresIn?: string): Promise<string>;
  /** Counts the SQL statements each subgraph sends from now on. */
  countQueries(): QueryCounter;
}

export interface QueryCounter {
  counts: Record<SubgraphName, number>;
  reset(): void;
}

export type Persona = keyof typeof DEMO_PERSONAS;

const claimsOf = (as: Persona | TokenClaims): TokenClaims => (typeof as === 'string' ? DEMO_PERSONAS[as] : as);

export async function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/**
 * The real graph, as `npm start` runs it: four subgraphs over HTTP behind the gateway, on free
 * ports, each on a fresh database of the project's kind (TEST_DATABASE), seeded with demo data.
 */
export async function startTestGraph(options: { clock?: Clock; seed?: boolean; consentTimeoutMs?: number } = {}): Promise<TestGraph> {
  const databases = await createTestDatabases(SUBGRAPH_NAMES);
  const dev = await ephemeralDevIdentity();
  const contextKeys = await generateSigningKeyPair();
  let graph: RunningGraph;
  try {
    graph = await startGraph({
      database: databases.location,
      port: () => 0,
      seed: options.seed ?? true,
      clock: options.clock,
      log: () => {},
      identity: dev.identity,
      consentTimeoutMs: options.consentTimeoutMs,
      contextKeys,
    });
  } catch (error) {
    await databases.drop();
    throw error;
  }
  const counters = new Set<QueryCounter>();
  for (const subgraph of Object.values(graph.subgraphs)) {
    subgraph.prisma.$on('query', () => {
      for (const counter of counters) counter.counts[subgraph.name as SubgraphName]++;
    });
  }
  const zero = () => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;
  return {
    ...graph,
    contextKeys,
    token: (as, expiresIn) => dev.issueToken(claimsOf(as), expiresIn),
    query: async (query, variables, as = 'social worker') =>
      postGraphQL(graph.gateway.url, { query, variables }, { authorization: `Bearer ${await dev.issueToken(claimsOf(as))}` }) as never,
    countQueries: () => {
      const counter: QueryCounter = { counts: zero(), reset: () => void (counter.counts = zero()) };
      counters.add(counter);
      return counter;
    },
    stop: async () => {
      await graph.stop();
      await databases.drop();
    },
  };
}
