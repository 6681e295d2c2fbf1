import { generateSigningKeyPair, type KeyPair } from '../../lib/auth/keys.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { SUBGRAPH_NAMES, type IntrospectionAccess, type SubgraphName } from '../../lib/config/config.ts';
import { writeDemoData } from '../../lib/db/demo-data.ts';
import { silentLogger } from '../../lib/server/logger.ts';
import { DEMO_PERSONAS, demoPersonaTokens, ephemeralDevIdentity, type TokenClaims } from '../../dev/dev-identity.ts';
import { STAND_INS_WITH_DATABASE } from '../../standins/stand-ins.ts';
import { seedStandIns, startGraph, type RunningGraph, type StartGraphOptions } from '../../dev/start-graph.ts';
import { allSubgraphs, SUBGRAPHS_WITH_DATABASE } from '../../subgraphs/index.ts';
import type { SubgraphPrisma } from '../../lib/subgraph/subgraph-definition.ts';
import { DEMO_DATA } from '../../dev/demo/index.ts';
import { createTestDatabases } from './test-databases.ts';

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** The real graph, as `npm start` runs it: four subgraphs over HTTP behind the gateway. */
export interface TestGraph extends Omit<RunningGraph, 'stop'> {
  /** POSTs a GraphQL request to the gateway as `as` (default: a social worker). */
  query<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Persona | TokenClaims,
  ): Promise<GraphQLResponse<TData>>;
  /** Each subgraph's identity keys, to ask the SIP core for decisions as a subgraph would. */
  identityKeys: Record<SubgraphName, KeyPair>;
  /** A bearer token from the graph's identity provider. */
  token(as: Persona | TokenClaims, expiresIn?: string): Promise<string>;
  /** Counts the SQL statements each subgraph sends from now on. */
  countQueries(): QueryCounter;
  /** Sends every subgraph's waiting release confirmations to the SIP core now, and waits until they are stored. */
  settleReleases(): Promise<void>;
}

/** A graph of a test's own, which it may break (stop a subgraph, rename a table) and must stop. */
export interface OwnTestGraph extends TestGraph {
  stop(): Promise<void>;
}

export interface QueryCounter {
  counts: Record<SubgraphName, number>;
  reset(): void;
}

export type Persona = keyof typeof DEMO_PERSONAS;

const OUTBOX_LOOK = /^\s*UPDATE "SummonsDelivery" d SET/;

interface TestGraphOptions {
  /** The graph's clock; demo data is dated around it. Default: the system clock. */
  clock?: Clock;
  /** Demo data, as `npm start` writes it (default), or empty databases. */
  seed?: boolean;
}

interface OwnTestGraphOptions extends TestGraphOptions {
  consentTimeoutMs?: number;
  introspection?: IntrospectionAccess;
  gatewayLimits?: StartGraphOptions['gatewayLimits'];
  auditAnchor?: StartGraphOptions['auditAnchor'];
  /** Run the local identity provider, as `npm start` does, for the apps' sign-in. */
  signIn?: boolean;
  /** Run the local mail stand-in, as `npm start` does, and deliver summonses to it. */
  mail?: boolean;
}

const claimsOf = (as: Persona | TokenClaims): TokenClaims => (typeof as === 'string' ? DEMO_PERSONAS[as] : as);

export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

const zeroCounts = () => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;

/** Starts a graph on fresh databases of the project's kind (TEST_DATABASE), on free ports. */
async function launchGraph(options: OwnTestGraphOptions): Promise<OwnTestGraph & { forgetQueryCounters(): void }> {
  const databases = await createTestDatabases([...SUBGRAPHS_WITH_DATABASE, ...STAND_INS_WITH_DATABASE]);
  const dev = await ephemeralDevIdentity();
  const identityKeys = Object.fromEntries(
    await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await generateSigningKeyPair()] as const)),
  ) as Record<SubgraphName, KeyPair>;
  let graph: RunningGraph;
  try {
    graph = await startGraph({
      database: databases.location,
      port: () => 0,
      seed: options.seed ?? true,
      clock: options.clock,
      logger: silentLogger(),
      identity: dev.identity,
      consentTimeoutMs: options.consentTimeoutMs,
      introspection: options.introspection,
      gatewayLimits: options.gatewayLimits,
      auditAnchor: options.auditAnchor,
      personaTokens: demoPersonaTokens(dev),
      identityKeys,
      identityProvider: options.signIn
        ? {
            port: 0,
            signingKey: dev.privateJwk,
            audience: dev.identity.audience,
            accounts: Object.values(DEMO_PERSONAS),
          }
        : undefined,
      mail: options.mail ? { pagePort: 0, intervalMs: 200 } : undefined,
    });
  } catch (error) {
    await databases.drop();
    throw error;
  }
  const counters = new Set<QueryCounter>();
  // The statements of each subgraph's own database, or of the database it adapts (the case system's),
  // that requests make: not the summonses outbox's look for what is due, which runs on its own timer.
  for (const subgraph of Object.values(graph.subgraphs)) {
    const database = subgraph.prisma ?? (subgraph.source as Partial<SubgraphPrisma> | null);
    database?.$on?.('query', (event: { query: string }) => {
      if (OUTBOX_LOOK.test(event.query)) return;
      for (const counter of counters) counter.counts[subgraph.name as SubgraphName]++;
    });
  }
  return {
    ...graph,
    identityKeys,
    token: (as, expiresIn) => dev.issueToken(claimsOf(as), expiresIn),
    query: async (query, variables, as = 'social worker') =>
      postGraphQL(
        graph.gateway.url,
        { query, variables },
        { authorization: `Bearer ${await dev.issueToken(claimsOf(as))}` },
      ) as never,
    countQueries: () => {
      const counter: QueryCounter = { counts: zeroCounts(), reset: () => void (counter.counts = zeroCounts()) };
      counters.add(counter);
      return counter;
    },
    forgetQueryCounters: () => counters.clear(),
    settleReleases: async () => {
      await Promise.all(Object.values(graph.subgraphs).map((subgraph) => subgraph.settleReleases()));
    },
    stop: async () => {
      await graph.stop();
      await databases.drop();
    },
  };
}

interface ResettablePrisma {
  $queryRawUnsafe<T>(query: string): Promise<T>;
  $executeRawUnsafe(query: string): Promise<number>;
  $transaction(statements: Promise<unknown>[]): Promise<unknown>;
}

/**
 * Empties every table but the migration history, as if the database had just been created and
 * migrated: as the superuser the tests run as, with triggers off, since append-only tables refuse TRUNCATE.
 */
async function emptyDatabase(prisma: ResettablePrisma): Promise<void> {
  // A partitioned table's partitions go with it; listed on their own, their locks could be taken
  // before the table's, in the opposite order to a write still landing, and deadlock with it.
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT c.relname::text AS name FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> '_prisma_migrations'`,
  );
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    prisma.$executeRawUnsafe(`TRUNCATE ${tables.map(({ name }) => `"${name}"`).join(', ')} RESTART IDENTITY CASCADE`),
  ]);
}

/**
 * One graph per test worker, started by the worker's first file: booting four databases is most of
 * what a graph costs, so files share it. `startTestGraph` hands it to the next file as a fresh one:
 * every database emptied (and seeded again unless `seed: false`), the file's clock, no counters.
 * A file's tests run one after another, so nothing else uses the graph meanwhile.
 */
let workerGraph: Promise<Awaited<ReturnType<typeof launchGraph>>> | undefined;
let workerClock: Clock = systemClock;

export async function startTestGraph(options: TestGraphOptions = {}): Promise<TestGraph> {
  workerGraph ??= launchGraph({
    clock: () => workerClock(),
    seed: false,
    // Generous: a busy machine must not turn a slow consent decision into a withheld field.
    consentTimeoutMs: 30_000,
    // As npm start runs it: the apps sign in through the local identity provider, summonses go by e-mail.
    signIn: true,
    mail: true,
  });
  const graph = await workerGraph;
  const clock = options.clock ?? systemClock;
  workerClock = clock;
  graph.forgetQueryCounters();
  // The last file's release confirmations land before the databases are emptied, not after.
  await graph.settleReleases();
  await Promise.all([
    ...allSubgraphs.map(async (definition) => {
      const subgraph = graph.subgraphs[definition.name];
      subgraph.requestCounts.clear();
      subgraph.forgetChildIdentities();
      if (!subgraph.prisma) return;
      await emptyDatabase(subgraph.prisma as unknown as ResettablePrisma);
      const demoData = DEMO_DATA[definition.name];
      if ((options.seed ?? true) && demoData) await writeDemoData(subgraph.prisma, demoData, clock);
    }),
    ...Object.values(graph.standIns).map((standIn) => standIn.reset()),
  ]);
  // The agencies' systems know the demo's children by the personnummer the SIP core's demo gave them.
  if (options.seed ?? true) await seedStandIns(graph.subgraphs.sip.prisma as never, graph.standIns, clock());
  const { stop: _, forgetQueryCounters: __, ...shared } = graph;
  return shared;
}

/** A graph of the test's own, with a consent decision timeout of its choosing; the test stops it. */
export function startOwnTestGraph(options: OwnTestGraphOptions = {}): Promise<OwnTestGraph> {
  return launchGraph(options);
}
