/**
 * `npm run bench`: what consent enforcement costs. In one process first: starts the graph twice, once
 * enforced and once with the consent guard removed (a switch no configuration reaches), on the same
 * data, and measures them in interleaved rounds (A B A B …, medians), at 8 and at 32 connections,
 * on embedded databases and on the PostgreSQL server, through the gateway and on direct subgraph
 * calls (its plan replayed). Then, on the enforced graph: the SQL and audit rows per request, a
 * burst of simultaneous requests at the default decision timeout, the gateway's time against the
 * critical path of its subgraph fetches, and our gateway beside Hive Gateway (both query planners)
 * on the same subgraphs. On the server, then, the graph as deployed
 * (`as-deployed.ts`). A measurement, not a test: it asserts nothing.
 */
import { DEMO_PERSONAS, ephemeralDevIdentity } from '../dev/dev-identity.ts';
import { startGraph, type RunningGraph, type StartGraphOptions } from '../dev/start-graph.ts';
import type { SubgraphFetch } from '../gateway/identity-forwarding.data-source.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/config/config.ts';
import { silentLogger } from '../lib/server/logger.ts';
import type { PrismaClient as SipPrisma } from '../prisma/sip/client/client.ts';
import { adminQuery, createTestDatabases } from '../test/support/test-databases.ts';
import { startHiveGateway, type HivePlanner } from './deployed/hive-gateway.ts';
import { benchDeployed } from './as-deployed.ts';
import { planOf, replayRound } from './plan-replay.ts';
import { generateSigningKeyPair, type KeyPair } from '../lib/auth/keys.ts';
import { addChildren, CHILDREN, median, percentile, post, QUERY, round, type Round } from './workload.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const ROUND_REQUESTS = Number(process.env.BENCH_ROUND_REQUESTS) || 80;
const BURST = Number(process.env.BENCH_BURST) || 200;
const CONNECTIONS = [8, 32];
// The deployed graph runs on the server only.
const KINDS = (
  process.env.BENCH_DATABASE ?? (process.env.BENCH_DEPLOYED === 'only' ? 'server' : 'embedded,server')
).split(',') as Array<'embedded' | 'server'>;

// Eight embedded databases and two Hive Gateways each stop on SIGINT and SIGTERM.
process.setMaxListeners(32);
const dev = await ephemeralDevIdentity();
const reader = await dev.issueToken(DEMO_PERSONAS['school counsellor']);
const officer = await dev.issueToken(DEMO_PERSONAS['privacy officer']);

const fetches = new Map<string, SubgraphFetch[]>();
const observeSubgraphFetch = (fetch: SubgraphFetch) =>
  fetches.set(fetch.requestId, [...(fetches.get(fetch.requestId) ?? []), fetch]);

/** Time during which at least one subgraph fetch of the request was in flight. */
function criticalPath(requestFetches: readonly SubgraphFetch[]): number {
  const sorted = [...requestFetches].sort((a, b) => a.startedAt - b.startedAt);
  let covered = 0;
  let end = -Infinity;
  for (const { startedAt, endedAt } of sorted) {
    if (endedAt <= end) continue;
    covered += endedAt - Math.max(startedAt, end);
    end = endedAt;
  }
  return covered;
}

const row = (label: string, cells: Array<string | number>, width = 13) =>
  console.log(label.padEnd(36) + cells.map((cell) => String(cell).padStart(width)).join(''));
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function benchOn(kind: 'embedded' | 'server') {
  const graphs: Record<'enforced' | 'off', RunningGraph> = {} as never;
  const drops: Array<() => Promise<void>> = [];
  const identityKeys = Object.fromEntries(
    await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await generateSigningKeyPair()] as const)),
  ) as Record<SubgraphName, KeyPair>;
  let bench = { childIds: [] as string[], guardianToken: '' };
  let enforcedDatabase: StartGraphOptions['database'] = () => ({ kind: 'embedded' });
  try {
    for (const mode of ['enforced', 'off'] as const) {
      const databases = await createTestDatabases(SUBGRAPH_NAMES, { kind, runId: `bench${process.pid}${mode}` });
      drops.push(databases.drop);
      graphs[mode] = await startGraph({
        database: databases.location,
        port: () => 0,
        seed: true,
        identity: dev.identity,
        identityKeys,
        consent: mode === 'enforced' ? 'enforced' : 'disabled-for-benchmark',
        observeSubgraphFetch: mode === 'enforced' ? observeSubgraphFetch : undefined,
        logger: silentLogger(),
      });
      const added = await addChildren(graphs[mode], dev, DEMO_PERSONAS['social worker']);
      if (mode === 'enforced') [bench, enforcedDatabase] = [added, databases.location];
      for (let i = 0; i < 10; i++) await post(graphs[mode].gateway.url, reader, QUERY, { first: CHILDREN });
    }
    const enforced = graphs.enforced;
    // Our gateway's plan for the school's list, as it ran: replayed straight to the subgraphs, it
    // measures them without the gateway.
    const recordPlan = async (token: string) => {
      const { requestId } = await post(enforced.gateway.url, token, QUERY, { first: CHILDREN });
      return planOf(fetches.get(requestId!) ?? []);
    };
    const subgraphUrls = (graph: RunningGraph) =>
      Object.fromEntries(Object.values(graph.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const deployed = () =>
      benchDeployed({
        graph: enforced,
        database: enforcedDatabase,
        dev,
        identityKeys,
        ...bench,
        recordPlan,
        row: (label, cells) => row(label, cells),
      });
    // BENCH_DEPLOYED=only: the graph as deployed, without the one-process rounds.
    if (kind === 'server' && process.env.BENCH_DEPLOYED === 'only') return await deployed();

    // Interleaved rounds: A B A B …, at each number of connections.
    const rounds: Record<string, Round[]> = {};
    for (let i = 0; i < ROUNDS; i++)
      for (const connections of CONNECTIONS)
        for (const mode of ['enforced', 'off'] as const)
          (rounds[`${mode}/${connections}`] ??= []).push(
            await round(graphs[mode].gateway.url, reader, ROUND_REQUESTS, connections),
          );
    // The same on direct subgraph calls, without the gateway, interleaved likewise.
    const plan = await recordPlan(reader);
    for (let i = 0; i < ROUNDS; i++)
      for (const connections of CONNECTIONS)
        for (const mode of ['enforced', 'off'] as const)
          (rounds[`direct ${mode}/${connections}`] ??= []).push(
            await replayRound(subgraphUrls(graphs[mode]), reader, plan, ROUND_REQUESTS, connections),
          );
    const statistic = (mode: string, connections: number, of: (r: Round) => number) =>
      median(rounds[`${mode}/${connections}`].map(of));

    // The gateway end to end against the critical path of its subgraph fetches (8 connections, enforced).
    const ratios = rounds['enforced/8'].flatMap((r) =>
      r.requests.flatMap(({ requestId, latency }) => {
        const requestFetches = requestId ? fetches.get(requestId) : undefined;
        return requestFetches ? [latency / criticalPath(requestFetches)] : [];
      }),
    );

    // Statements and audit rows per request, one request at a time.
    const perRequest = async (graph: RunningGraph, requests = 20) => {
      const counts = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;
      let counting = false;
      for (const subgraph of Object.values(graph.subgraphs))
        subgraph.prisma?.$on('query', () => counting && counts[subgraph.name as SubgraphName]++);
      const sip = graph.subgraphs.sip.prisma as unknown as SipPrisma;
      const entries = async () =>
        Number(
          (
            await sip.$queryRaw<Array<{ rows: bigint; entries: bigint }>>`
            SELECT count(*) AS rows, coalesce(sum(cardinality("childIds")), 0) AS entries FROM "AuditGroup"`
          )[0].entries,
        );
      const rows = () => sip.auditGroup.count();
      const lookups = () => graph.subgraphs.sip.requestCounts.get('/consent/decisions') ?? 0;
      const before = { rows: await rows(), entries: await entries(), lookups: lookups() };
      counting = true;
      for (let i = 0; i < requests; i++) await post(graph.gateway.url, reader, QUERY, { first: CHILDREN });
      await Promise.all(Object.values(graph.subgraphs).map((subgraph) => subgraph.settleReleases()));
      counting = false;
      return {
        statements: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, counts[name] / requests])),
        auditRows: ((await rows()) - before.rows) / requests,
        decisionsPerChild: ((await entries()) - before.entries) / requests / CHILDREN,
        lookups: (lookups() - before.lookups) / requests,
      };
    };
    const cost = { enforced: await perRequest(enforced), off: await perRequest(graphs.off) };

    // A burst at the default decision timeout, then the log right after it.
    const burstStarted = performance.now();
    const burst = await round(enforced.gateway.url, reader, BURST, BURST);
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    const logStarted = performance.now();
    const logAfter = await post(enforced.gateway.url, officer, `{ consentAuditLog(first: 100) { id release } }`, {});
    const logMs = performance.now() - logStarted;

    // Our gateway beside Hive Gateway, on the enforced graph's subgraphs, interleaved.
    const urls = subgraphUrls(enforced);
    const hive = Object.fromEntries(
      await Promise.all(
        (['javascript', 'rust'] as HivePlanner[]).map(async (planner) => [
          planner,
          await startHiveGateway(urls, planner),
        ]),
      ),
    ) as Record<HivePlanner, Awaited<ReturnType<typeof startHiveGateway>>>;
    const gateways = { ours: enforced.gateway.url, 'Hive (JS)': hive.javascript.url, 'Hive (Rust)': hive.rust.url };
    const gatewayRounds: Record<string, Round[]> = {};
    try {
      for (const url of Object.values(gateways)) await round(url, reader, 10, 2);
      for (let i = 0; i < ROUNDS; i++)
        for (const [name, url] of Object.entries(gateways))
          (gatewayRounds[name] ??= []).push(await round(url, reader, ROUND_REQUESTS, 8));
    } finally {
      await Promise.all(Object.values(hive).map((gateway) => gateway.stop()));
    }

    const label = kind === 'server' ? 'PostgreSQL server' : 'Embedded databases';
    console.log(
      `\n${label}, one process, ${new Date().toISOString().slice(0, 10)}. A school counsellor reads ${CHILDREN} ` +
        `children, each with a care contact and a social case (2 guarded fields from 2 other agencies).`,
    );
    console.log(`${ROUNDS} interleaved rounds of ${ROUND_REQUESTS} requests each, medians.\n`);
    row(
      '',
      CONNECTIONS.flatMap((c) => [`enforced/${c}`, `off/${c}`, 'ratio']),
    );
    const line = (name: string, of: (r: Round) => number, digits: number, ratio: 'higher' | 'lower', path = '') =>
      row(
        name,
        CONNECTIONS.flatMap((c) => {
          const [on, off] = [statistic(`${path}enforced`, c, of), statistic(`${path}off`, c, of)];
          return [fixed(on, digits), fixed(off, digits), fixed(ratio === 'higher' ? on / off : off / on, 2)];
        }),
      );
    for (const path of ['', 'direct '] as const) {
      if (path)
        console.log('\nDirect subgraph calls, without the gateway (its plan replayed straight to the subgraphs):');
      line('throughput (requests/s)', (r) => r.throughput, 1, 'higher', path);
      line('latency p50 (ms)', (r) => percentile(r.latencies, 50), 0, 'lower', path);
      line('latency p99 (ms)', (r) => percentile(r.latencies, 99), 0, 'lower', path);
    }
    console.log('(ratio: enforced ÷ off for throughput, off ÷ enforced for latency: 1.00 costs nothing)\n');

    row('per request, one at a time', ['enforced', 'off']);
    for (const name of SUBGRAPH_NAMES)
      row(`SQL statements, ${name}`, [fixed(cost.enforced.statements[name]), fixed(cost.off.statements[name])]);
    row('audit rows written', [fixed(cost.enforced.auditRows), fixed(cost.off.auditRows)]);
    row('decisions logged per child', [
      fixed(cost.enforced.decisionsPerChild, 2),
      fixed(cost.off.decisionsPerChild, 2),
    ]);
    row('consent lookups', [fixed(cost.enforced.lookups, 2), fixed(cost.off.lookups, 2)]);

    console.log(
      `\nBurst: ${BURST} simultaneous requests (${BURST * CHILDREN * 2} guarded values), default decision timeout:`,
    );
    row('CONSENT_UNAVAILABLE values', [burst.unavailable]);
    row('latency p50 / p99 (ms)', [
      `${fixed(percentile(burst.latencies, 50), 0)} / ${fixed(percentile(burst.latencies, 99), 0)}`,
    ]);
    row('all answered within (s)', [fixed(burstSeconds)]);
    // Queued fairly, the last of a burst waits the burst's size ÷ capacity: the goal is p99 within twice that.
    const capacity = statistic('enforced', 32, (r) => r.throughput);
    row('p99 ÷ (burst ÷ capacity at 32 conn.)', [
      fixed(percentile(burst.latencies, 99) / 1000 / (BURST / capacity), 2),
    ]);
    row('consentAuditLog right after (ms)', [
      logAfter.body.errors ? `error ${logAfter.body.errors[0].message}` : fixed(logMs, 0),
    ]);

    console.log('\nGateway end to end ÷ critical path of its subgraph fetches (enforced, 8 connections):');
    row('median (p10–p90)', [
      `${fixed(median(ratios), 2)} (${fixed(
        percentile(
          [...ratios].sort((a, b) => a - b),
          10,
        ),
        2,
      )}–` +
        `${fixed(
          percentile(
            [...ratios].sort((a, b) => a - b),
            90,
          ),
          2,
        )})`,
    ]);

    console.log('\nGateways on the same enforced subgraphs, 8 connections (in-flight deduplication off):');
    row('', Object.keys(gateways), 13);
    for (const [name, of, digits] of [
      ['throughput (requests/s)', (r: Round) => r.throughput, 1],
      ['latency p50 (ms)', (r: Round) => percentile(r.latencies, 50), 0],
      ['latency p99 (ms)', (r: Round) => percentile(r.latencies, 99), 0],
    ] as const)
      row(
        name,
        Object.keys(gateways).map((gateway) => fixed(median(gatewayRounds[gateway].map(of)), digits)),
        13,
      );
    if (kind === 'server' && process.env.BENCH_DEPLOYED !== 'false') await deployed();
  } finally {
    await Promise.all(Object.values(graphs).map((graph) => graph.stop()));
    for (const drop of drops) await drop();
  }
}

for (const kind of KINDS) {
  if (kind === 'server') {
    const reachable = await adminQuery('SELECT 1').then(
      () => true,
      () => false,
    );
    if (!reachable) {
      console.log('\n(No PostgreSQL server at TEST_POSTGRES_URL or 127.0.0.1:5432: the server run is left out.)');
      continue;
    }
  }
  await benchOn(kind);
}
