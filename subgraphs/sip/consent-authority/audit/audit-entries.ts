import { BadUserInputError } from '../../../../lib/errors.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { AuditRecord } from './store-audit.ts';

const SHARED = `"requestId", "requesterSubject", "requesterRole", "requesterAgency", "requesterUnit", "requesterName",
  "kind", "scope", "fields", "purpose", "subgraph", "granted", "reason", "decidedAt"`;

/**
 * Every entry of the log, one per child and read, as a subquery: each child of an audit group
 * (`<group id>:<position>`), and the records kept one per child from before groups existed.
 * `coverage` is the group's children, so that a filter on it can use the group table's index.
 */
export const AUDIT_ENTRIES = `(
  SELECT g."id"::text || ':' || e."n" AS "id", e."childId", e."consentId", e."emergencyAccessId",
         ${SHARED.replace(/"(\w+)"/g, 'g."$1"')}, g."childIds" AS "coverage"
  FROM "AuditGroup" g
  CROSS JOIN LATERAL unnest(g."childIds", g."consentIds", g."emergencyAccessIds")
    WITH ORDINALITY AS e("childId", "consentId", "emergencyAccessId", "n")
  UNION ALL
  SELECT a."id"::text, a."childId", a."consentId", a."emergencyAccessId",
         ${SHARED.replace(/"(\w+)"/g, 'a."$1"')}, ARRAY[a."childId"]
  FROM "ConsentDecisionAudit" a)`;

/** One entry of the log: an audit record as it was stored, with its id. */
export interface AuditEntryRow extends Required<AuditRecord> {
  id: string;
}

const ENTRY_ID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}(:\d+)?$/i;

/** What the log can be searched by; every part is optional, and they all hold together. */
export interface AuditFilter {
  childId?: string;
  requesterSubject?: string;
  requesterUnit?: string;
  requesterAgency?: string;
  scope?: string;
  /** Granted (true) or refused (false). */
  granted?: boolean;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date;
  to?: Date;
}

/** A filter's conditions on one log table's rows (`t`), adding their values to `parameters`. */
function conditions(filter: AuditFilter, parameters: unknown[]): string[] {
  const where: string[] = [];
  const add = (condition: (p: string) => string, value: unknown) => {
    if (value == null) return;
    parameters.push(value);
    where.push(condition(`$${parameters.length}`));
  };
  add((p) => `t."requesterSubject" = ${p}`, filter.requesterSubject);
  add((p) => `t."requesterUnit" = ${p}`, filter.requesterUnit);
  add((p) => `t."requesterAgency"::text = ${p}`, filter.requesterAgency);
  add((p) => `t."scope" = ${p}`, filter.scope);
  add((p) => `t."granted" = ${p}`, filter.granted);
  add((p) => `t."decidedAt" >= ${p}`, filter.from);
  add((p) => `t."decidedAt" < ${p}`, filter.to);
  return where;
}

/** Where the entry with record id `id` stands: its time and record. */
const cursorAt = (id: string) => `(SELECT "decidedAt", "id" FROM "AuditGroup" WHERE "id" = ${id}
   UNION ALL SELECT "decidedAt", "id" FROM "ConsentDecisionAudit" WHERE "id" = ${id} LIMIT 1)`;

/** A child's log is read the newest month first, then the year, then all of it, until the page is full. */
const CHILD_WINDOWS_DAYS = [31, 366, null];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One page of the log, newest first (by time, then record, then the child's place in its group),
 * after the entry `before`, narrowed by `filter`. Each log table is cut to the page through its
 * indexes before a record is unnested, so a page costs the same at 10^8 entries as at 100: the
 * time, or the requester and time, read in the page's order; a child's records through the index of
 * their children (collected first, so the planner cannot prefer walking the time index past other
 * children's records), the newest month first. The filter is written out rather than passed as
 * optional parameters, which would leave the planner one plan for every combination.
 */
export async function auditEntriesPage(
  prisma: PrismaClient,
  filter: AuditFilter,
  first: number,
  before: string | undefined,
): Promise<AuditEntryRow[]> {
  if (before != null && !ENTRY_ID.test(before))
    throw new BadUserInputError('before', 'must be the id of an audit entry');
  if (filter.from && filter.to && filter.to < filter.from) throw new BadUserInputError('to', 'must not be before from');
  if (filter.childId == null) return pageOf(prisma, filter, first, before);
  for (const days of CHILD_WINDOWS_DAYS) {
    const since =
      days == null ? filter.from : new Date(Math.max(Date.now() - days * DAY_MS, filter.from?.getTime() ?? 0));
    const page = await pageOf(prisma, { ...filter, from: since }, first, before);
    // Everything from `since` on was read: a full page holds the newest entries of all.
    if (page.length === first || since === filter.from) return page;
  }
  throw new Error('unreachable: the last window is the whole log');
}

async function pageOf(
  prisma: PrismaClient,
  filter: AuditFilter,
  first: number,
  before: string | undefined,
): Promise<AuditEntryRow[]> {
  const parameters: unknown[] = [];
  const where = conditions(filter, parameters);
  const groupWhere = [...where];
  const entryWhere: string[] = [];
  const legacyWhere = [...where];
  if (filter.childId != null) {
    parameters.push(filter.childId);
    const child = `$${parameters.length}::uuid`;
    groupWhere.push(`t."childIds" @> ARRAY[${child}]`);
    entryWhere.push(`e."childId" = ${child}`);
    legacyWhere.push(`t."childId" = ${child}`);
  }
  if (before != null) {
    const [record, place = '0'] = before.split(':');
    parameters.push(record, Number(place));
    const [id, n] = [`$${parameters.length - 1}::uuid`, `$${parameters.length}::bigint`];
    groupWhere.push(`(t."decidedAt", t."id") <= ${cursorAt(id)}`);
    entryWhere.push(`NOT (g."id" = ${id} AND e."n" <= ${n})`);
    legacyWhere.push(`(t."decidedAt", t."id") < ${cursorAt(id)}`);
  }
  parameters.push(first);
  const limit = `$${parameters.length}::int`;
  const whereOf = (all: string[]) => (all.length > 0 ? `WHERE ${all.join(' AND ')}` : '');
  const records =
    filter.childId != null
      ? `(WITH childs AS MATERIALIZED (SELECT * FROM "AuditGroup" t ${whereOf(groupWhere)}) SELECT * FROM childs)`
      : `(SELECT * FROM "AuditGroup" t ${whereOf(groupWhere)})`;
  // One more record than the page: the cursor's own record may have no entry left after it.
  return prisma.$queryRawUnsafe<AuditEntryRow[]>(
    `SELECT "id", "childId"::text, "consentId"::text, "emergencyAccessId"::text,
            ${SHARED.replace('"requesterAgency"', '"requesterAgency"::text')}
     FROM (
       (SELECT g."id"::text || ':' || e."n" AS "id", g."id" AS "record", e."n", e."childId", e."consentId",
               e."emergencyAccessId", ${SHARED.replace(/"(\w+)"/g, 'g."$1"')}
        FROM (SELECT * FROM ${records} r ORDER BY r."decidedAt" DESC, r."id" DESC LIMIT ${limit} + 1) g
        CROSS JOIN LATERAL unnest(g."childIds", g."consentIds", g."emergencyAccessIds")
          WITH ORDINALITY AS e("childId", "consentId", "emergencyAccessId", "n")
        ${whereOf(entryWhere)})
       UNION ALL
       (SELECT t."id"::text, t."id", 0, t."childId", t."consentId", t."emergencyAccessId",
               ${SHARED.replace(/"(\w+)"/g, 't."$1"')}
        FROM "ConsentDecisionAudit" t ${whereOf(legacyWhere)}
        ORDER BY t."decidedAt" DESC, t."id" DESC LIMIT ${limit})
     ) entries
     ORDER BY "decidedAt" DESC, "record" DESC, "n" LIMIT ${limit}`,
    ...parameters,
  );
}

/** How many reads a day, per requester agency, in [from, to). */
export interface AuditStatistics {
  readsPerDay: Array<{ day: string; agency: string; reads: number }>;
  refusalsByReason: Array<{ reason: string; refusals: number }>;
  emergencyReadsPerDay: Array<{ day: string; reads: number }>;
}

/** The log counted for pictures: staff reads per Swedish day and agency, refusals by reason, emergency reads. */
export async function auditStatistics(prisma: PrismaClient, from: Date, to: Date): Promise<AuditStatistics> {
  if (to < from) throw new BadUserInputError('to', 'must not be before from');
  // Each stored record with its number of entries (children), counted without unnesting them.
  const records = `(
    SELECT g."decidedAt", g."requesterAgency", g."granted", g."reason", cardinality(g."childIds") AS "entries",
           cardinality(array_remove(g."emergencyAccessIds", NULL)) AS "emergencyEntries"
    FROM "AuditGroup" g WHERE g."decidedAt" >= $1 AND g."decidedAt" < $2 AND g."requesterAgency" IS NOT NULL
    UNION ALL
    SELECT a."decidedAt", a."requesterAgency", a."granted", a."reason", 1, (a."emergencyAccessId" IS NOT NULL)::int
    FROM "ConsentDecisionAudit" a
    WHERE a."decidedAt" >= $1 AND a."decidedAt" < $2 AND a."requesterAgency" IS NOT NULL)`;
  const day = `to_char(e."decidedAt" AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')`;
  const [readsPerDay, refusalsByReason, emergencyReadsPerDay] = await Promise.all([
    prisma.$queryRawUnsafe<Array<{ day: string; agency: string; reads: number }>>(
      `SELECT ${day} AS day, e."requesterAgency"::text AS agency, sum(e."entries")::int AS reads FROM ${records} e
       GROUP BY 1, 2 ORDER BY 1, 2`,
      from,
      to,
    ),
    prisma.$queryRawUnsafe<Array<{ reason: string; refusals: number }>>(
      `SELECT e."reason", sum(e."entries")::int AS refusals FROM ${records} e WHERE NOT e."granted"
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      from,
      to,
    ),
    prisma.$queryRawUnsafe<Array<{ day: string; reads: number }>>(
      `SELECT ${day} AS day, sum(e."emergencyEntries")::int AS reads FROM ${records} e WHERE e."emergencyEntries" > 0
       GROUP BY 1 ORDER BY 1`,
      from,
      to,
    ),
  ]);
  return { readsPerDay, refusalsByReason, emergencyReadsPerDay };
}
