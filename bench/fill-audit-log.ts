/**
 * `npm run bench:log:fill`: a SIP core database on the PostgreSQL server with a log at national
 * scale, for `npm run bench:log` to read. Drops and creates BENCH_LOG_DATABASE (default
 * `sipgraph_bench_log` on TEST_POSTGRES_URL's server), migrates it, and writes:
 * - BENCH_LOG_CHILDREN children (50,000), each with a SIP of 8 of BENCH_LOG_STAFF staff (20,000),
 *   so each member of staff takes part in 20 children's SIPs; guardians for the first 20 children;
 * - BENCH_LOG_ENTRIES log entries (10^8) over the last BENCH_LOG_MONTHS months (24), in groups as
 *   the graph writes them: 55 % a member of staff's list of their 20 children, most of the rest
 *   one of their children, and rare refusals (no relation), reads outside any SIP and lookups by
 *   personnummer, which the review finds. Each statement of 20,000 groups is one link of the chain,
 *   written by the chain's own trigger;
 * - the review's findings, in one pass a month (as for a log kept from before the review's catch-up).
 * Prints each stage's rate. At the defaults it takes about an hour and some 20 GB on this machine.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations, readMigrations } from '../lib/db/migrate.ts';
import { prismaOptions } from '../lib/db/prisma-options.ts';
import { PrismaClient } from '../prisma/sip/client/client.ts';
import { findReviewItemsInBulk } from '../subgraphs/sip/consent-authority/audit/review-findings.ts';
import { benchLogDatabase, LOG_SHAPE } from './log-shape.ts';

const { children: CHILDREN, staff: STAFF, entries: ENTRIES, months: MONTHS } = LOG_SHAPE;
const GROUPS_PER_STATEMENT = 20_000;
// 55 % lists of 20 children, the rest one child each: 11.45 entries a group.
const GROUPS = Math.ceil(ENTRIES / (0.55 * 20 + 0.45));

const { url, admin } = benchLogDatabase();
const name = new URL(url).pathname.slice(1);
const server = new pg.Client({ connectionString: admin });
await server.connect();
await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await server.query(`CREATE DATABASE "${name}"`);
await server.end();
await applyMigrations(url, readMigrations(join(import.meta.dirname, '..', 'prisma', 'sip', 'migrations')));
const db = new pg.Client({ connectionString: url });
await db.connect();

const stage = async (what: string, work: () => Promise<number>, unit = 'rows') => {
  const started = performance.now();
  const done = await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${what}: ${done} ${unit} in ${seconds.toFixed(0)} s (${Math.round(done / seconds)} ${unit}/s)`);
};

const span = `interval '${MONTHS} months'`;
await db.query(`SELECT "create_audit_group_partitions"(now() - ${span}, now() + interval '3 months')`);

// Child c's SIP has the staff (8c + k) mod STAFF, k = 0…7; so staff s has the children
// (s - s mod 8) / 8 + (STAFF / 8) j, j = 0…19 (with CHILDREN = 20 STAFF / 8).
const childId = (c: string) => `md5('child' || (${c}))::uuid`;
const ownChild = (s: string, j: string) => childId(`((${s}) - (${s}) % 8) / 8 + ${STAFF / 8} * (${j})`);
await stage(
  'children, their SIPs and participants',
  async () => {
    await db.query(`
    INSERT INTO "Child" ("id", "personnummer", "givenName", "familyName", "dateOfBirth")
    SELECT ${childId('c')}, '2012' || lpad(c::text, 8, '0'), 'Barn' || c, 'Bench', '2012-01-01'
    FROM generate_series(0, ${CHILDREN - 1}) c`);
    await db.query(`
    INSERT INTO "Sip" ("id", "childId", "questions", "initiatedAt")
    SELECT md5('sip' || c)::uuid, ${childId('c')}, '{}', now() - ${span} - interval '1 day'
    FROM generate_series(0, ${CHILDREN - 1}) c`);
    await db.query(`
    INSERT INTO "SipParticipant" ("id", "sipId", "kind", "subject", "name", "agency", "unit", "addedAt")
    SELECT gen_random_uuid(), md5('sip' || c)::uuid, 'STAFF', 'bench-staff-' || s, 'Personal ' || s,
           (ARRAY['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'])[s % 3 + 1]::"Agency", 'Enhet ' || s / 20,
           now() - ${span} - interval '1 day'
    FROM generate_series(0, ${CHILDREN - 1}) c, generate_series(0, 7) k,
         LATERAL (SELECT (8 * c + k) % ${STAFF} AS s) x`);
    await db.query(`
    INSERT INTO "Guardian" ("id", "personnummer", "givenName", "familyName")
    SELECT md5('guardian' || c)::uuid, '1980' || lpad(c::text, 8, '0'), 'Förälder' || c, 'Bench'
    FROM generate_series(0, 19) c;
    INSERT INTO "Guardianship" ("childId", "guardianId", "hasCustody")
    SELECT ${childId('c')}, md5('guardian' || c)::uuid, true FROM generate_series(0, 19) c`);
    return CHILDREN;
  },
  'children',
);

// Group i: its requester s, its time (spread evenly over the months, newest last) and a number
// u in [0, 1000000) that decides its kind, all from i so that a fill is the same every time.
const group = `
  SELECT i, s, u,
         now() - ${span} + (${span}) * (i::float8 / ${GROUPS}) AS at,
         CASE WHEN u < 550000 THEN 'list' WHEN u < 998500 THEN 'own' WHEN u < 999500 THEN 'refused'
              WHEN u < 999750 THEN 'outside' ELSE 'lookup' END AS what
  FROM generate_series($1::bigint, $2::bigint) i,
       LATERAL (SELECT (i * 7919) % ${STAFF} AS s, (i * 2654435761) % 1000000 AS u) r`;
const fillStatement = `
  INSERT INTO "AuditGroup" ("id", "requestId", "requesterSubject", "requesterRole", "requesterAgency",
    "requesterUnit", "requesterName", "kind", "scope", "fields", "purpose", "subgraph", "granted", "reason",
    "decidedAt", "childIds", "consentIds", "emergencyAccessIds")
  SELECT gen_random_uuid(), 'bench-' || g.i, 'bench-staff-' || g.s,
         (ARRAY['school_counsellor', 'social_worker', 'nurse'])[g.s % 3 + 1],
         (ARRAY['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'])[g.s % 3 + 1]::"Agency", 'Enhet ' || g.s / 20,
         'Personal ' || g.s,
         CASE WHEN g.what IN ('list', 'lookup') AND g.i % 3 = 0 OR g.what = 'lookup' THEN 'CHILD_IDENTITY'
              ELSE 'CROSS_AGENCY' END,
         CASE WHEN g.what = 'lookup' OR g.what = 'list' AND g.i % 3 = 0 THEN NULL
              WHEN g.i % 2 = 0 THEN 'HEALTH_CARE_CONTACTS' ELSE 'SOCIAL_CASE' END,
         CASE WHEN g.what = 'lookup' THEN ARRAY['Query.childByPersonnummer']
              WHEN g.what = 'list' AND g.i % 3 = 0 THEN ARRAY['Child.givenName']
              WHEN g.i % 2 = 0 THEN ARRAY['Child.careContacts'] ELSE ARRAY['Child.openSocialCase'] END,
         CASE WHEN g.what = 'lookup' THEN 'initiera SIP' END,
         CASE WHEN g.what = 'lookup' OR g.what = 'list' AND g.i % 3 = 0 THEN 'sip'
              WHEN g.i % 2 = 0 THEN 'health' ELSE 'social' END,
         g.what <> 'refused', CASE WHEN g.what = 'refused' THEN 'NO_RELATION' END,
         g.at, c."ids", CASE WHEN g.what = 'refused' THEN array_fill(NULL::uuid, ARRAY[cardinality(c."ids")])
                             ELSE ARRAY(SELECT md5('consent' || x)::uuid FROM unnest(c."ids") x) END,
         array_fill(NULL::uuid, ARRAY[cardinality(c."ids")])
  FROM (${group}) g, LATERAL (
    SELECT CASE
      WHEN g.what = 'list' THEN ARRAY(SELECT ${ownChild('g.s', 'j')} FROM generate_series(0, 19) j)
      WHEN g.what IN ('refused', 'outside') THEN ARRAY[${childId(`(g.i * 31 + 7) % ${CHILDREN}`)}]
      ELSE ARRAY[${ownChild('g.s', 'g.i % 20')}] END AS "ids") c`;

// Loaded without the log's secondary indexes, which are built afterwards as the migration defines
// them: building an index once is far cheaper than growing it row by row.
const { rows: indexes } = await db.query<{ name: string; definition: string }>(
  `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
   WHERE tablename = 'AuditGroup' AND indexname <> 'AuditGroup_pkey'`,
);
await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB'`);
await stage(
  'log groups',
  async () => {
    for (const { name } of indexes) await db.query(`DROP INDEX "${name}"`);
    let last = performance.now();
    for (let from = 0; from < GROUPS; from += GROUPS_PER_STATEMENT) {
      await db.query(fillStatement, [from, Math.min(from + GROUPS_PER_STATEMENT, GROUPS) - 1]);
      if (performance.now() - last > 60_000) {
        last = performance.now();
        console.log(`  ${from + GROUPS_PER_STATEMENT} of ${GROUPS} groups`);
      }
    }
    for (const { definition } of indexes) await db.query(definition.replace(' ON ONLY ', ' ON '));
    await db.query('ANALYZE');
    const { rows } = await db.query(`SELECT count(*)::int AS groups, sum(cardinality("childIds"))::bigint AS entries,
    pg_size_pretty(pg_total_relation_size('"AuditGroup"') + (SELECT sum(pg_total_relation_size(inhrelid))
      FROM pg_inherits WHERE inhparent = '"AuditGroup"'::regclass)) AS size FROM "AuditGroup"`);
    console.log(`  ${rows[0].groups} groups, ${rows[0].entries} entries, ${rows[0].size} with their indexes`);
    return GROUPS;
  },
  'groups',
);

const prisma = new PrismaClient(prismaOptions(url, 2));
await stage(
  'the review’s findings, one pass a month',
  () => findReviewItemsInBulk(prisma, (month, entries) => console.log(`  ${month}: ${entries} entries`)),
  'entries',
);
const { rows } = await db.query(`SELECT kind, count(*)::int AS n FROM "ReviewFinding" GROUP BY kind
  UNION ALL SELECT 'days above 20 children', count(*)::int FROM "ReadVolume" WHERE children > 20`);
console.log(`  findings: ${rows.map((row) => `${row.kind} ${row.n}`).join(', ')}`);
await db.query('ANALYZE');
await prisma.$disconnect();
await db.end();
