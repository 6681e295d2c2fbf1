import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

/**
 * The review's catch-up: reads the log's new entries (those its chain's links added since the last
 * catch-up) and keeps what the review queue shows of them, so that the queue reads a small index
 * instead of the whole log (10^8 entries a year nationally):
 * - ReviewFinding: each read by staff with no relation to the child, each read granted to staff
 *   taking part in none of the child's SIPs, each lookup by personnummer;
 * - ReadVolume: the distinct children each member of staff read per Swedish day.
 * The rules are those of policy/review.ts, applied to each entry as the log holds it, independently
 * of the decision that wrote it.
 */

/** Links read per transaction: a few seconds of a busy graph's log. */
const LINKS_PER_BATCH = 500;

/** Each log table's entries, one per child, of the rows `where` chooses (given the table's alias). */
const ENTRIES_OF = {
  AuditGroup: (where: (alias: string) => string) => `
    SELECT g."id"::text || ':' || e."n" AS "id", e."childId", e."emergencyAccessId", g."requesterSubject",
           g."requesterAgency", g."requesterName", g."kind", g."scope", g."fields", g."purpose", g."granted",
           g."reason", g."decidedAt"
    FROM "AuditGroup" g
    CROSS JOIN LATERAL unnest(g."childIds", g."emergencyAccessIds")
      WITH ORDINALITY AS e("childId", "emergencyAccessId", "n")
    WHERE ${where('g')}`,
  ConsentDecisionAudit: (where: (alias: string) => string) => `
    SELECT a."id"::text, a."childId", a."emergencyAccessId", a."requesterSubject", a."requesterAgency",
           a."requesterName", a."kind", a."scope", a."fields", a."purpose", a."granted", a."reason", a."decidedAt"
    FROM "ConsentDecisionAudit" a WHERE ${where('a')}`,
} as const;
type LogTable = keyof typeof ENTRIES_OF;
const LOG_TABLES = Object.keys(ENTRIES_OF) as LogTable[];

const WHAT_WAS_READ = `e."kind" || coalesce(' ' || e."scope", '') || ': ' || array_to_string(e."fields", ', ')`;
const SWEDISH_DAY = `(e."decidedAt" AT TIME ZONE 'Europe/Stockholm')::date`;
const SWEDISH_MIDNIGHT = (date: string) => `(${date}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`;

/** The findings among `entries` (a CTE before it), stored once each: the rules of policy/review.ts. */
const FINDINGS = `findings AS (
    INSERT INTO "ReviewFinding" ("kind", "itemKey", "childId", "requesterSubject", "requesterName", "at", "detail")
    SELECT 'READ_WITHOUT_RELATION', e."id", e."childId", e."requesterSubject", e."requesterName", e."decidedAt",
           ${WHAT_WAS_READ}
    FROM entries e WHERE NOT e."granted" AND e."reason" = 'NO_RELATION' AND e."requesterAgency" IS NOT NULL
    UNION ALL
    SELECT 'READ_OUTSIDE_SIP', e."id", e."childId", e."requesterSubject", e."requesterName", e."decidedAt",
           ${WHAT_WAS_READ}
    FROM entries e
    WHERE e."granted" AND e."requesterAgency" IS NOT NULL AND e."emergencyAccessId" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "SipParticipant" p JOIN "Sip" s ON s."id" = p."sipId"
        WHERE s."childId" = e."childId" AND p."subject" = e."requesterSubject" AND p."addedAt" <= e."decidedAt"
          AND (p."removedAt" IS NULL OR p."removedAt" > e."decidedAt"))
    UNION ALL
    SELECT 'LOOKUP_BY_PERSONNUMMER', e."id", e."childId", e."requesterSubject", e."requesterName", e."decidedAt",
           'purpose: ' || e."purpose"
    FROM entries e WHERE 'Query.childByPersonnummer' = ANY(e."fields")
    ON CONFLICT DO NOTHING)`;

/** Stores each day volume of `volumes` (requesterSubject, day, name, children, lastAt), replacing an older count. */
const storeVolumes = (volumes: string) => `
    INSERT INTO "ReadVolume" ("requesterSubject", "day", "requesterName", "children", "lastAt") ${volumes}
    ON CONFLICT ("requesterSubject", "day") DO UPDATE
      SET "requesterName" = excluded."requesterName", "children" = excluded."children", "lastAt" = excluded."lastAt"`;

/** Every staff read of one requester on one Swedish day, in both log tables (for `days` row d). */
const readsOfDay = `(
  SELECT g."requesterName", c."childId", g."decidedAt"
  FROM "AuditGroup" g CROSS JOIN LATERAL unnest(g."childIds") AS c("childId")
  WHERE g."requesterSubject" = d."requesterSubject" AND g."requesterAgency" IS NOT NULL
    AND g."decidedAt" >= ${SWEDISH_MIDNIGHT('d."day"')} AND g."decidedAt" < ${SWEDISH_MIDNIGHT('(d."day" + 1)')}
  UNION ALL
  SELECT a."requesterName", a."childId", a."decidedAt" FROM "ConsentDecisionAudit" a
  WHERE a."requesterSubject" = d."requesterSubject" AND a."requesterAgency" IS NOT NULL
    AND a."decidedAt" >= ${SWEDISH_MIDNIGHT('d."day"')} AND a."decidedAt" < ${SWEDISH_MIDNIGHT('(d."day" + 1)')})`;

/**
 * One batch of one table's new links, in one statement: the findings, the day volumes of the
 * requesters it touched (counted again from the log, which is indexed by requester and time), and
 * how far the catch-up got. Returns the number of links read.
 */
const catchUpStatement = (table: LogTable) => `
  WITH progress AS (
    SELECT coalesce((SELECT "seq" FROM "ReviewProgress" WHERE "table" = $1), 0) AS "seq"
  ), links AS (
    SELECT l."seq", l."rowKeys" FROM "AuditChainLink" l, progress p
    WHERE l."table" = $1 AND l."seq" > p."seq" ORDER BY l."seq" LIMIT $2
  ), keys AS (
    -- A key that is no uuid (a link written by hand) names no entry; audit:verify reports it.
    SELECT DISTINCT k::uuid AS "id" FROM links, unnest(links."rowKeys") AS k
    WHERE k ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
  ), entries AS (${ENTRIES_OF[table]((alias) => `${alias}."id" IN (SELECT "id" FROM keys)`)}
  ), ${FINDINGS}, days AS (
    SELECT DISTINCT e."requesterSubject", ${SWEDISH_DAY} AS "day" FROM entries e WHERE e."requesterAgency" IS NOT NULL
  ), volume AS (${storeVolumes(`
    SELECT d."requesterSubject", d."day", v."name", v."children", v."lastAt"
    FROM days d CROSS JOIN LATERAL (
      SELECT max(e."requesterName") AS "name", count(DISTINCT e."childId")::int AS "children",
             max(e."decidedAt") AS "lastAt"
      FROM ${readsOfDay} e
    ) v`)}
  ), advanced AS (
    INSERT INTO "ReviewProgress" ("table", "seq") SELECT $1, max("seq") FROM links HAVING count(*) > 0
    ON CONFLICT ("table") DO UPDATE SET "seq" = excluded."seq"
  )
  SELECT count(*)::int AS "links" FROM links`;

/**
 * Every entry of the Swedish days from $1 up to $2 (dates) in one pass, both tables together: the findings, and
 * each day's volume counted from the pass itself (it holds the whole day).
 */
const passStatement = `
  WITH entries AS (${LOG_TABLES.map((table) =>
    ENTRIES_OF[table](
      (alias) => `${alias}."decidedAt" >= ${SWEDISH_MIDNIGHT('$1')}
      AND ${alias}."decidedAt" < ${SWEDISH_MIDNIGHT('$2')}`,
    ),
  ).join(' UNION ALL ')}
  ), ${FINDINGS}, volume AS (${storeVolumes(`
    SELECT e."requesterSubject", ${SWEDISH_DAY}, max(e."requesterName"), count(DISTINCT e."childId")::int,
           max(e."decidedAt")
    FROM entries e WHERE e."requesterAgency" IS NOT NULL GROUP BY 1, 2`)}
  )
  SELECT count(*)::int AS "entries" FROM entries`;

// One catch-up at a time, across the SIP core's replicas: a second waits, then finds the first's work done.
const CATCH_UP_LOCK = 'SELECT pg_advisory_xact_lock(72610508)';

/**
 * Brings the review's findings up to the log's newest entry. Each batch commits with its progress,
 * so a catch-up stopped half-way loses nothing and repeats nothing. Returns the links read.
 */
export async function catchUpReviewFindings(prisma: PrismaClient): Promise<number> {
  let read = 0;
  for (const table of LOG_TABLES) {
    for (;;) {
      const [{ links }] = await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(CATCH_UP_LOCK);
        return tx.$queryRawUnsafe<Array<{ links: number }>>(catchUpStatement(table), table, LINKS_PER_BATCH);
      });
      read += links;
      if (links < LINKS_PER_BATCH) break;
    }
  }
  return read;
}

/**
 * The review's findings in a log that grew before its review did (written in bulk, or kept from
 * before this catch-up existed), in one pass per Swedish month rather than link by link: the
 * chains' heads are read first, every entry up to now is passed over, and the catch-up then starts
 * from those heads, so an entry written meanwhile is found by the catch-up (again, harmlessly).
 * Returns the entries passed over.
 */
export async function findReviewItemsInBulk(
  prisma: PrismaClient,
  progress: (month: string, entries: number) => void = () => {},
): Promise<number> {
  const heads = await prisma.$queryRawUnsafe<Array<{ table: string; seq: bigint }>>(
    `SELECT "table", "seq" FROM "AuditChainHead" WHERE "table" = ANY($1)`,
    LOG_TABLES,
  );
  // Months of Swedish days, so no day is split between two passes.
  const [{ first, last }] = await prisma.$queryRawUnsafe<Array<{ first: string | null; last: string | null }>>(
    `SELECT to_char(min(m), 'YYYY-MM-01') AS "first", to_char(max(m), 'YYYY-MM-01') AS "last" FROM (
       SELECT min("decidedAt") AT TIME ZONE 'Europe/Stockholm' AS m FROM "AuditGroup"
       UNION ALL SELECT max("decidedAt") AT TIME ZONE 'Europe/Stockholm' FROM "AuditGroup"
       UNION ALL SELECT min("decidedAt") AT TIME ZONE 'Europe/Stockholm' FROM "ConsentDecisionAudit"
       UNION ALL SELECT max("decidedAt") AT TIME ZONE 'Europe/Stockholm' FROM "ConsentDecisionAudit") months`,
  );
  let passed = 0;
  for (let month = first; month != null && month <= last!;) {
    const next = new Date(`${month}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const following = next.toISOString().slice(0, 10);
    const [{ entries }] = await prisma.$queryRawUnsafe<Array<{ entries: number }>>(passStatement, month, following);
    progress(month, entries);
    passed += entries;
    month = following;
  }
  for (const { table, seq } of heads)
    await prisma.$executeRawUnsafe(
      `INSERT INTO "ReviewProgress" ("table", "seq") VALUES ($1, $2)
       ON CONFLICT ("table") DO UPDATE SET "seq" = greatest("ReviewProgress"."seq", excluded."seq")`,
      table,
      seq,
    );
  return passed;
}
