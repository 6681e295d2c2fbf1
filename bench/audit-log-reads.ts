/**
 * `npm run bench:log`: the reads of the log that families and privacy officers make, against the
 * national-scale log `npm run bench:log:fill` wrote. Starts the SIP core on that database and asks
 * its GraphQL endpoint over HTTP, as the gateway would, with the fields the apps ask for: each read
 * 20 times (after 2 to warm up) with other children, requesters and months each time, and prints
 * p50 and p95 side by side. A measurement, not a test: it asserts nothing.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ephemeralDevIdentity } from '../dev/dev-identity.ts';
import { silentLogger } from '../lib/server/logger.ts';
import { startSubgraph } from '../lib/subgraph/start-subgraph.ts';
import { sipSubgraph } from '../subgraphs/sip/subgraph.ts';
import { post } from './workload.ts';
import { benchLogDatabase, LOG_SHAPE } from './log-shape.ts';

const RUNS = 20;
const WARM_UP = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The uuid PostgreSQL's md5(text)::uuid makes of `text`, as the fill names its rows. */
const md5Uuid = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const ENTRY = `id decidedAt kind requesterSubject requesterName requesterRole requesterAgency requesterUnit scope
  fields granted reason release consentId emergencyAccessId purpose child { givenName familyName personnummer }`;
const FAMILY = `query ($id: ID!) { childAccessLog(childId: $id, first: 30) { id decidedAt requesterName requesterRole
  requesterAgency requesterUnit kind scope granted reason consentId emergencyAccessId } }`;
const LOG = `query ($subject: String, $from: DateTime, $to: DateTime) {
  consentAuditLog(requesterSubject: $subject, from: $from, to: $to, first: 50) { ${ENTRY} } }`;
const REVIEW = `query { reviewQueue(reviewed: false, first: 200) {
  kind key childId requesterSubject requesterName at detail review { note reviewedBy reviewedAt } reviewRefusal } }`;

const { url } = benchLogDatabase();
const db = new pg.Client({ connectionString: url });
await db.connect();
const { rows } = await db.query(
  `SELECT count(*)::int AS groups, sum(cardinality("childIds"))::bigint AS entries FROM "AuditGroup"`,
);
await db.end();
const dev = await ephemeralDevIdentity();
const sip = await startSubgraph(sipSubgraph, {
  database: { kind: 'server', url },
  port: 0,
  identity: dev.identity,
  logger: silentLogger(),
});
const officer = await dev.issueToken({ sub: 'dpo-1', role: 'privacy_officer', name: 'Dataskyddsombud' });
const guardians = await Promise.all(
  Array.from({ length: 20 }, (_, c) =>
    dev.issueToken({ sub: md5Uuid(`guardian${c}`), role: 'guardian', name: `Förälder${c}` }),
  ),
);

interface Read {
  what: string;
  /** The read's token, query and variables for its run `n`. */
  request(n: number): [string, string, Record<string, unknown>];
}
const monthsAgo = (n: number) => new Date(Date.now() - (n % LOG_SHAPE.months) * 30 * DAY_MS);
const reads: Read[] = [
  {
    what: 'a family’s childAccessLog, first page',
    request: (n) => [guardians[n % 20], FAMILY, { id: md5Uuid(`child${n % 20}`) }],
  },
  { what: 'consentAuditLog, newest first', request: () => [officer, LOG, {}] },
  {
    what: 'consentAuditLog by requester',
    request: (n) => [officer, LOG, { subject: `bench-staff-${(n * 997) % LOG_SHAPE.staff}` }],
  },
  {
    what: 'consentAuditLog by a 30-day range',
    request: (n) => [officer, LOG, { from: monthsAgo(n + 2), to: new Date(monthsAgo(n + 2).getTime() + 30 * DAY_MS) }],
  },
  { what: 'reviewQueue, open items', request: () => [officer, REVIEW, {}] },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
console.log(
  `The log: ${rows[0].groups} groups, ${rows[0].entries} entries (PostgreSQL server, the SIP core over HTTP)`,
);
console.log('| read | p50 ms | p95 ms | entries |');
console.log('| --- | ---: | ---: | ---: |');
try {
  for (const read of reads) {
    const times: number[] = [];
    let answered = 0;
    for (let n = 0; n < WARM_UP + RUNS; n++) {
      const [token, query, variables] = read.request(n);
      const started = performance.now();
      const { body } = await post(sip.url, token, query, variables);
      const ms = performance.now() - started;
      if (body.errors) throw new Error(`${read.what}: ${JSON.stringify(body.errors)}`);
      if (n < WARM_UP) continue;
      times.push(ms);
      answered = (Object.values(body.data ?? {})[0] as unknown[]).length;
    }
    times.sort((a, b) => a - b);
    const [p50, p95] = [percentile(times, 0.5), percentile(times, 0.95)].map((ms) => ms.toFixed(0));
    console.log(`| ${read.what} | ${p50} | ${p95} | ${answered} |`);
  }
} finally {
  await sip.stop();
}
