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

/** One page of the log, newest first, after the entry `before`, narrowed by `filter`. */
export async function auditEntriesPage(
  prisma: PrismaClient,
  filter: AuditFilter,
  first: number,
  before: string | undefined,
): Promise<AuditEntryRow[]> {
  if (before != null && !ENTRY_ID.test(before))
    throw new BadUserInputError('before', 'must be the id of an audit entry');
  if (filter.from && filter.to && filter.to < filter.from) throw new BadUserInputError('to', 'must not be before from');
  return prisma.$queryRawUnsafe<AuditEntryRow[]>(
    `WITH entries AS (
       SELECT "id", "childId", "consentId"::text, "emergencyAccessId"::text, ${SHARED}
       FROM ${AUDIT_ENTRIES} x
       WHERE ($1::uuid IS NULL OR (x."coverage" @> ARRAY[$1::uuid] AND x."childId" = $1::uuid))
         AND ($2::text IS NULL OR x."requesterSubject" = $2)
         AND ($5::text IS NULL OR x."requesterUnit" = $5)
         AND ($6::text IS NULL OR x."requesterAgency"::text = $6)
         AND ($7::text IS NULL OR x."scope" = $7)
         AND ($8::boolean IS NULL OR x."granted" = $8)
         AND ($9::timestamptz IS NULL OR x."decidedAt" >= $9)
         AND ($10::timestamptz IS NULL OR x."decidedAt" < $10))
     SELECT "id", "childId"::text, "consentId", "emergencyAccessId",
            ${SHARED.replace('"requesterAgency"', '"requesterAgency"::text')}
     FROM entries
     WHERE $3::text IS NULL
        OR ("decidedAt", "id") < (SELECT "decidedAt", "id" FROM entries WHERE "id" = $3)
     ORDER BY "decidedAt" DESC, "id" DESC LIMIT $4`,
    filter.childId ?? null,
    filter.requesterSubject ?? null,
    before ?? null,
    first,
    filter.requesterUnit ?? null,
    filter.requesterAgency ?? null,
    filter.scope ?? null,
    filter.granted ?? null,
    filter.from ?? null,
    filter.to ?? null,
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
  const entries = `(SELECT * FROM ${AUDIT_ENTRIES} x WHERE x."decidedAt" >= $1 AND x."decidedAt" < $2
    AND x."requesterAgency" IS NOT NULL)`;
  const day = `to_char(e."decidedAt" AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')`;
  const [readsPerDay, refusalsByReason, emergencyReadsPerDay] = await Promise.all([
    prisma.$queryRawUnsafe<Array<{ day: string; agency: string; reads: number }>>(
      `SELECT ${day} AS day, e."requesterAgency"::text AS agency, count(*)::int AS reads FROM ${entries} e
       GROUP BY 1, 2 ORDER BY 1, 2`,
      from,
      to,
    ),
    prisma.$queryRawUnsafe<Array<{ reason: string; refusals: number }>>(
      `SELECT e."reason", count(*)::int AS refusals FROM ${entries} e WHERE NOT e."granted"
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      from,
      to,
    ),
    prisma.$queryRawUnsafe<Array<{ day: string; reads: number }>>(
      `SELECT ${day} AS day, count(*)::int AS reads FROM ${entries} e WHERE e."emergencyAccessId" IS NOT NULL
       GROUP BY 1 ORDER BY 1`,
      from,
      to,
    ),
  ]);
  return { readsPerDay, refusalsByReason, emergencyReadsPerDay };
}
