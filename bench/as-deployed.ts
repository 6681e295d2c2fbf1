import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PERSONAS, type DevIdentity } from '../dev/dev-identity.ts';
import type { RunningGraph } from '../dev/start-graph.ts';
import type { KeyPair } from '../lib/auth/keys.ts';
import type { SubgraphName } from '../lib/config/config.ts';
import type { DatabaseLocation } from '../lib/db/database.ts';
import type { PrismaClient as SipPrisma } from '../prisma/sip/client/client.ts';
import { allSubgraphs } from '../subgraphs/index.ts';
import { verifyChains } from '../subgraphs/sip/consent-authority/audit/verify-chain.ts';
import { changeConsentsMeanwhile, listAsk, median, mixedAsks, percentile, round, type Round } from './workload.ts';
import { cpuSeconds } from './deployed/cpu-time.ts';
import { spawnUntil, startDeployedGraph, type DeployedGraph } from './deployed/deployed-graph.ts';
import { replayRound, type Plan } from './plan-replay.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
/** Long enough that a round's p99 is not its slowest request. */
const ROUND_REQUESTS = Number(process.env.BENCH_DEPLOYED_ROUND_REQUESTS) || 200;
const CONNECTIONS = [8, 32];
const READERS = 4;

export interface DeployedBenchSetup {
  /** The in-process graph that filled the databases and whose stand-ins the deployed subgraphs read. */
  graph: RunningGraph;
  database: (name: SubgraphName) => DatabaseLocation;
  dev: DevIdentity;
  identityKeys: Record<SubgraphName, KeyPair>;
  childIds: string[];
  guardianToken: string;
  /** Our gateway's plan for the school's list, as it ran on the in-process graph (the same data). */
  recordPlan(token: string): Promise<Plan>;
  row(label: string, cells: Array<string | number>): void;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/**
 * `npm run bench` on the PostgreSQL server, as deployed: every service its own process. Consent
 * enforced against off, interleaved, at 8 and 32 connections, with several readers, one-child reads
 * as well as lists, and the guardian changing a consent every second; the same without a gateway
 * (its plan replayed straight to the subgraphs); our gateway beside Hive Gateway; then one SIP core
 * and one of each agency subgraph against two of each, and the audit chain checked after it all.
 */
export async function benchDeployed(setup: DeployedBenchSetup) {
  const { graph, dev, row } = setup;
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-bench-'));
  const readers = await Promise.all(
    Array.from({ length: READERS }, (_, i) =>
      dev.issueToken({ ...DEMO_PERSONAS['school counsellor'], sub: `bench-counsellor-${i}` }),
    ),
  );
  const asks = mixedAsks(readers, setup.childIds);
  const sources = Object.fromEntries(
    allSubgraphs.flatMap((definition) => {
      const standIn = graph.standIns[definition.name as keyof RunningGraph['standIns']];
      return definition.source && standIn
        ? [[definition.name, { ...standIn.location, variable: definition.source.variable }]]
        : [];
    }),
  );
  const start = (mode: 'enforced' | 'off', replicas: number) =>
    startDeployedGraph({
      mode,
      replicas,
      databaseUrl: (name) => {
        const location = setup.database(name);
        return location.kind === 'server' ? location.url : undefined;
      },
      sources,
      authPublicJwk: dev.publicJwk,
      identityKeys: setup.identityKeys,
      auditAnchorKey: randomBytes(32).toString('hex'),
      dataDir,
    });
  /** CPU seconds by process, summed over the rounds of each mode and number of connections. */
  const cpu: Record<string, Record<string, number>> = {};
  /** One round, the guardian changing a consent through the same graph meanwhile. */
  const measure = async (
    deployed: DeployedGraph,
    connections: number,
    cpuKey?: string,
    run = () => round(deployed.url, '', ROUND_REQUESTS, connections, asks),
  ) => {
    const changes = changeConsentsMeanwhile(deployed.url, setup.guardianToken, setup.childIds);
    const before = cpuSeconds(deployed.pids());
    try {
      return await run();
    } finally {
      await changes.stop();
      const after = cpuSeconds(deployed.pids());
      if (cpuKey && before && after)
        for (const [name, seconds] of Object.entries(after))
          (cpu[cpuKey] ??= {})[name] = (cpu[cpuKey][name] ?? 0) + seconds - (before[name] ?? 0);
    }
  };
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const graphs: DeployedGraph[] = [];
  const stops: Array<() => Promise<void>> = [];
  try {
    const one = { enforced: await start('enforced', 1), off: await start('off', 1) };
    graphs.push(one.enforced, one.off);
    for (const deployed of Object.values(one)) await round(deployed.url, '', 40, 4, asks);

    const rounds: Record<string, Round[]> = {};
    for (let i = 0; i < ROUNDS; i++)
      for (const connections of CONNECTIONS)
        for (const mode of ['enforced', 'off'] as const)
          (rounds[`${mode}/${connections}`] ??= []).push(
            await measure(one[mode], connections, `${mode}/${connections}`),
          );

    // CPU profiles of the gateway, the SIP core and the health subgraph: one more round of each mode, 8 connections.
    if (profileDir)
      for (const deployed of Object.values(one)) {
        const profiled = deployed.services.filter((service) => ['gateway', 'sip', 'health'].includes(service.name));
        for (const service of profiled) service.profile();
        await measure(deployed, 8);
        for (const service of profiled) service.profile();
      }

    // The same without any gateway: our gateway's plan for the school's list replayed straight to each
    // mode's subgraphs, interleaved, the guardian changing a consent meanwhile as above.
    const plan = await setup.recordPlan(readers[0]);
    const replay = (deployed: DeployedGraph, connections: number, requests = ROUND_REQUESTS) =>
      replayRound(deployed.subgraphUrls, readers[0], plan, requests, connections);
    for (const deployed of Object.values(one)) await replay(deployed, 4, 40);
    const direct: Record<string, Round[]> = {};
    for (let i = 0; i < ROUNDS; i++)
      for (const connections of CONNECTIONS)
        for (const mode of ['enforced', 'off'] as const)
          (direct[`${mode}/${connections}`] ??= []).push(
            await measure(one[mode], connections, undefined, () => replay(one[mode], connections)),
          );
    await one.off.stop();

    // Our gateway beside Hive Gateway (both planners) and a replay of our plan without any gateway, on the
    // enforced subgraphs, each gateway a process of its own; the school's list by one reader.
    const hive = await Promise.all(
      (['javascript', 'rust'] as const).map(async (planner) => {
        const started = await spawnUntil(
          fileURLToPath(new URL('./deployed/hive-service.ts', import.meta.url)),
          [planner],
          { BENCH_SUBGRAPH_URLS: JSON.stringify(one.enforced.subgraphUrls) },
          /ready at (\S+)/,
        );
        stops.push(async () => {
          started.child.kill('SIGTERM');
          await started.exited;
        });
        return { url: started.found, pid: started.child.pid! };
      }),
    );
    const viaGateway = (url: string) => (connections: number) =>
      round(url, readers[0], ROUND_REQUESTS, connections, () => listAsk(readers[0]));
    const gateways: Record<string, (connections: number) => Promise<Round>> = {
      ours: viaGateway(one.enforced.url),
      'Hive (JS)': viaGateway(hive[0].url),
      'Hive (Rust)': viaGateway(hive[1].url),
      'no gateway': (connections) =>
        replayRound(one.enforced.subgraphUrls, readers[0], plan, ROUND_REQUESTS, connections),
    };
    // Each gateway's own CPU per request: throughput on two shared cores moves with whatever else runs, this less so.
    const gatewayPids: Record<string, number> = {
      ours: one.enforced.pids().find((service) => service.name === 'gateway')!.pid,
      'Hive (JS)': hive[0].pid,
      'Hive (Rust)': hive[1].pid,
    };
    for (const run of Object.values(gateways)) await run(4);
    const gatewayRounds: Record<string, Round[]> = {};
    const gatewayCpu: Record<string, number> = {};
    for (let i = 0; i < ROUNDS; i++)
      for (const connections of CONNECTIONS)
        for (const [name, run] of Object.entries(gateways)) {
          const pid = gatewayPids[name];
          const before = pid ? cpuSeconds([{ name, pid }])?.[name] : undefined;
          (gatewayRounds[`${name}/${connections}`] ??= []).push(await run(connections));
          const after = pid ? cpuSeconds([{ name, pid }])?.[name] : undefined;
          if (before !== undefined && after !== undefined)
            gatewayCpu[`${name}/${connections}`] = (gatewayCpu[`${name}/${connections}`] ?? 0) + after - before;
        }

    // Scale-out: one of each against two of each, both enforced, at 32 connections.
    const two = await start('enforced', 2);
    graphs.push(two);
    // As long a warm-up as the processes of one of each have had behind them: a cold process compiles as it goes.
    await round(two.url, '', 4 * ROUND_REQUESTS, 32, asks);
    const scale: Record<string, Round[]> = {};
    for (let i = 0; i < ROUNDS; i++)
      for (const [name, deployed] of [
        ['one', one.enforced],
        ['two', two],
      ] as const)
        (scale[name] ??= []).push(await measure(deployed, 32, `scale/${name}`));
    const unavailable = [...Object.values(rounds), ...Object.values(direct), ...Object.values(scale)]
      .flat()
      .reduce((n, r) => n + r.unavailable, 0);
    const chain = await verifyChains(graph.subgraphs.sip.prisma as unknown as SipPrisma);

    console.log(
      `\nAs deployed, on the PostgreSQL server: each service its own process, each subgraph behind a round-robin ` +
        `balancer. ${READERS} readers; every other request one child's page instead of the list of ` +
        `${setup.childIds.length}; the guardian changes a consent every second. ${ROUNDS} interleaved rounds of ` +
        `${ROUND_REQUESTS} requests, medians.\n`,
    );
    const enforcedBesideOff = (measured: Record<string, Round[]>) => {
      row(
        '',
        CONNECTIONS.flatMap((c) => [`enforced/${c}`, `off/${c}`, 'ratio']),
      );
      const statistic = (key: string, of: (r: Round) => number) => median(measured[key].map(of));
      for (const [name, of, digits, higher] of [
        ['throughput (requests/s)', (r: Round) => r.throughput, 1, true],
        ['latency p50 (ms)', (r: Round) => percentile(r.latencies, 50), 0, false],
        ['latency p99 (ms)', (r: Round) => percentile(r.latencies, 99), 0, false],
      ] as const)
        row(
          name,
          CONNECTIONS.flatMap((c) => {
            const [on, off] = [statistic(`enforced/${c}`, of), statistic(`off/${c}`, of)];
            return [fixed(on, digits), fixed(off, digits), fixed(higher ? on / off : off / on, 2)];
          }),
        );
    };
    enforcedBesideOff(rounds);
    if (cpu['enforced/8']) {
      console.log(
        '\nCPU per request (ms), by process: postgres is the server (the case system too), client is this one' +
          ' (with the SS 12000 stand-in); the FHIR stand-in is left out.',
      );
      row(
        '',
        CONNECTIONS.flatMap((c) => [`enforced/${c}`, `off/${c}`, 'difference']),
      );
      const perRequest = (key: string, name: string) => ((cpu[key][name] ?? 0) * 1000) / (ROUNDS * ROUND_REQUESTS);
      const names = Object.keys(cpu['enforced/8']);
      for (const name of [...names, 'all']) {
        const of = (key: string) =>
          name === 'all' ? names.reduce((sum, each) => sum + perRequest(key, each), 0) : perRequest(key, name);
        row(
          name,
          CONNECTIONS.flatMap((c) => {
            const [on, off] = [of(`enforced/${c}`), of(`off/${c}`)];
            return [fixed(on), fixed(off), fixed(on - off)];
          }),
        );
      }
    }
    console.log(
      `\nDirect subgraph calls, without a gateway: our gateway's plan for the school's list by one reader, replayed ` +
        `straight to each mode's subgraphs; the guardian changes a consent every second.`,
    );
    enforcedBesideOff(direct);
    console.log(
      `\nGateways on the same enforced subgraphs, each its own process, the school's list by one reader ` +
        `(in-flight deduplication off); "no gateway" replays our gateway's plan straight to the subgraphs:`,
    );
    for (const connections of CONNECTIONS) {
      row(`${connections} connections`, Object.keys(gateways));
      const of = (name: string, statistic: (r: Round) => number) =>
        median(gatewayRounds[`${name}/${connections}`].map(statistic));
      row(
        'throughput (requests/s)',
        Object.keys(gateways).map((name) => fixed(of(name, (r) => r.throughput))),
      );
      row(
        'latency p50 / p99 (ms)',
        Object.keys(gateways).map(
          (name) =>
            `${fixed(
              of(name, (r) => percentile(r.latencies, 50)),
              0,
            )} / ` +
            `${fixed(
              of(name, (r) => percentile(r.latencies, 99)),
              0,
            )}`,
        ),
      );
      row(
        "the gateway's own CPU per request (ms)",
        Object.keys(gateways).map((name) => {
          const seconds = gatewayCpu[`${name}/${connections}`];
          return seconds === undefined ? '–' : fixed((seconds * 1000) / (ROUNDS * ROUND_REQUESTS), 2);
        }),
      );
      row(
        'throughput ÷ no gateway',
        Object.keys(gateways).map((name) =>
          fixed(of(name, (r) => r.throughput) / of('no gateway', (r) => r.throughput), 2),
        ),
      );
    }
    console.log('\nScale-out, enforced, 32 connections:');
    row('', ['one of each', 'two of each', 'ratio']);
    const [oneThroughput, twoThroughput] = ['one', 'two'].map((name) => median(scale[name].map((r) => r.throughput)));
    row('throughput (requests/s)', [
      fixed(oneThroughput),
      fixed(twoThroughput),
      fixed(twoThroughput / oneThroughput, 2),
    ]);
    row(
      'latency p99 (ms)',
      ['one', 'two'].map((name) => fixed(median(scale[name].map((r) => percentile(r.latencies, 99))), 0)),
    );
    if (cpu['scale/one'])
      row(
        'CPU per request, all processes (ms)',
        ['one', 'two'].map((name) =>
          fixed((Object.values(cpu[`scale/${name}`]).reduce((a, b) => a + b, 0) * 1000) / (ROUNDS * ROUND_REQUESTS)),
        ),
      );
    row('CONSENT_UNAVAILABLE values, all rounds', [unavailable]);
    row('audit chains afterwards', [
      chain.intact ? `intact (${chain.checked} rows)` : `BROKEN: ${chain.firstBroken?.problem}`,
    ]);
    if (profileDir) console.log(`\nCPU profiles of the gateway, the SIP core and health under load: ${profileDir}`);
  } finally {
    await Promise.all([...graphs.map((deployed) => deployed.stop()), ...stops.map((stop) => stop())]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
