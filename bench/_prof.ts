/**
 * `npm run bench`: what consent enforcement costs. Starts the graph twice in this process, once
 * enforced and once with the guard removed, on embedded databases with the same data, and sends
 * the same cross-agency query to both. Prints latency, throughput and consent lookups per request
 * side by side. A measurement, not a test: it asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import type { PrismaClient as HealthPrisma } from '../prisma/health/client/client.ts';
import type { PrismaClient as SchoolPrisma } from '../prisma/school/client/client.ts';
import type { PrismaClient as SocialPrisma } from '../prisma/social/client/client.ts';
import { luhnCheckDigit } from '../subgraphs/sip/personnummer.ts';
import { ephemeralDevIdentity, DEMO_PERSONAS, type DevIdentity } from '../dev/dev-identity.ts';
import { startGraph, type RunningGraph } from '../dev/start-graph.ts';
import { SUBGRAPH_NAMES } from '../lib/config.ts';
import { silentLogger } from '../lib/server/logger.ts';
import { createTestDatabases } from '../test/support/test-databases.ts';

const CHILDREN = Number(process.env.BENCH_CHILDREN) || 100;
const REQUESTS = Number(process.env.BENCH_REQUESTS) || 300;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 8;
/** `server` runs on fresh databases at TEST_POSTGRES_URL (default 127.0.0.1:5432), dropped afterwards. */
const DATABASE = process.env.BENCH_DATABASE === 'server' ? 'server' : 'embedded';
const BENCH_SCHOOL = '40000000';
/** A school's students (its own root field), each child's name and two other agencies' fields. */
const QUERY = `query ($first: Int!) { schoolPlacements(schoolUnitCode: "${BENCH_SCHOOL}", first: $first) { nodes {
  child { id givenName careContacts { unitName } openSocialCase { caseNumber } } } } }`;

async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  // The bench states the shape of what it asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Children at one school with a care contact and an open case each, every one under their
 * guardian's consent to school as a whole.
 */
async function addChildren(graph: RunningGraph, dev: DevIdentity, token: string) {
  for (let i = 0; i < CHILDREN; i++) {
    const serial = String(100 + i);
    const date = `2013${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
    const guardian = { personnummer: '19800512-9914', givenName: 'Maria', familyName: 'Lindqvist', hasCustody: true };
    const { data } = await post(
      graph.gateway.url,
      token,
      `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { id guardians { guardian { id } } } }`,
      {
        input: {
          personnummer: `${date}-${serial}${luhnCheckDigit(date.slice(2) + serial)}`,
          givenName: `Barn${i}`,
          familyName: 'Bench',
          guardians: [guardian],
        },
      },
    );
    const childId = data.registerChild.id;
    const guardianId = data.registerChild.guardians[0].guardian.id;
    await post(
      graph.gateway.url,
      await dev.issueToken({ sub: guardianId, role: 'guardian', name: 'Maria Lindqvist' }),
      `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
      {
        input: {
          childId,
          scopes: ['HEALTH_CARE_CONTACTS', 'SOCIAL_CASE'],
          recipients: { sipParticipants: false, wholeAgencies: ['SCHOOL'] },
          purpose: 'bench',
          validFrom: '2026-01-01T00:00:00Z',
          validUntil: '2036-01-01T00:00:00Z',
        },
      },
    );
    await (graph.subgraphs.school.prisma as unknown as SchoolPrisma).schoolPlacement.create({
      data: {
        childId,
        schoolName: 'Bänkskolan',
        schoolUnitCode: BENCH_SCHOOL,
        className: '7A',
        grade: 7,
        startDate: new Date('2025-08-18'),
      },
    });
    await (graph.subgraphs.health.prisma as unknown as HealthPrisma).careContact.create({
      data: { childId, unitName: 'BUP Bench', unitType: 'BUP', startDate: new Date('2020-01-01') },
    });
    await (graph.subgraphs.social.prisma as unknown as SocialPrisma).socialCase.create({
      data: { childId, caseNumber: `B-${i}`, openedAt: new Date('2020-01-01'), handlingOfficer: 'Bench' },
    });
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(graph: RunningGraph, token: string) {
  const lookupsBefore = graph.subgraphs.sip.requestCounts.get('/consent/decisions') ?? 0;
  for (let i = 0; i < 20; i++) await post(graph.gateway.url, token, QUERY, { first: CHILDREN });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t = performance.now();
        const body = await post(graph.gateway.url, token, QUERY, { first: CHILDREN });
        latencies.push(performance.now() - t);
        if (body.data?.schoolPlacements?.nodes?.length !== CHILDREN) throw new Error(`expected ${CHILDREN} children`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const lookups = (graph.subgraphs.sip.requestCounts.get('/consent/decisions') ?? 0) - lookupsBefore;
  return {
    throughput: REQUESTS / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    lookupsPerRequest: lookups / (REQUESTS + 20),
  };
}

const dev = await ephemeralDevIdentity();
const admin = await dev.issueToken(DEMO_PERSONAS['social worker']);
const reader = await dev.issueToken(DEMO_PERSONAS['school counsellor']);
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
for (const consent of (process.env.MODES ?? 'enforced,disabled-for-benchmark').split(',') as Array<'enforced'|'disabled-for-benchmark'>) {
  const databases = await createTestDatabases(SUBGRAPH_NAMES, { kind: DATABASE, runId: 'bench' });
  const graph = await startGraph({
    database: databases.location,
    port: () => 0,
    seed: true,
    identity: dev.identity,
    consent,
    logger: silentLogger(),
  });
  try {
    await addChildren(graph, dev, admin);
    const stats = new Map<string, { n: number; ms: number }>();
    for (const subgraph of Object.values(graph.subgraphs)) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (subgraph.prisma as any).$on('query', (e: any) => {
        const key = subgraph.name + ' ' + String(e.query).replace(/\s+/g, ' ').slice(0, 110);
        const s = stats.get(key) ?? { n: 0, ms: 0 };
        s.n++; s.ms += Number(e.duration);
        stats.set(key, s);
      });
    }
    results[consent] = await measure(graph, reader);
    const all = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const per = REQUESTS + 20;
    for (const [k, v] of all.slice(0, 25)) console.log((v.n / per).toFixed(2).padStart(6), (v.ms / per).toFixed(2).padStart(8), k);
  } finally {
    await graph.stop();
    await databases.drop();
  }
}

const on = results["enforced"] ?? results["disabled-for-benchmark"];
const off = on;
const row = (label: string, a: number, b: number, digits = 1) =>
  console.log(`${label.padEnd(34)}${a.toFixed(digits).padStart(12)}${b.toFixed(digits).padStart(12)}`);
const databaseKind = DATABASE === 'server' ? 'PostgreSQL server' : 'Embedded';
console.log(
  `\nA school counsellor reads ${CHILDREN} children with health care contacts and social cases ` +
    '(2 guarded fields from 2 other agencies);',
);
console.log(
  `${REQUESTS} requests, ${CONCURRENCY} at a time, after 20 warm-up requests. ` +
    `${databaseKind} databases, one process, ${new Date().toISOString().slice(0, 10)}.\n`,
);
console.log(`${''.padEnd(34)}${'enforced'.padStart(12)}${'off'.padStart(12)}`);
row('throughput (requests/s)', on.throughput, off.throughput);
row('latency p50 (ms)', on.p50, off.p50);
row('latency p95 (ms)', on.p95, off.p95);
row('latency p99 (ms)', on.p99, off.p99);
row('consent lookups per request', on.lookupsPerRequest, off.lookupsPerRequest, 2);
