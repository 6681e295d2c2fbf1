import { BadUserInputError } from '../../../lib/errors.ts';
import type { PrismaClient } from '../../../prisma/sip/client/client.ts';

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

export interface AuditEntryRow {
  id: string;
  requestId: string;
  requesterSubject: string;
  requesterRole: string;
  requesterAgency: string | null;
  requesterUnit: string | null;
  requesterName: string | null;
  childId: string;
  kind: string;
  scope: string | null;
  fields: string[];
  purpose: string | null;
  subgraph: string;
  granted: boolean;
  reason: string | null;
  consentId: string | null;
  emergencyAccessId: string | null;
  decidedAt: Date;
}

const ENTRY_ID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}(:\d+)?$/i;

/** One page of the log, newest first, after the entry `before`, for one child and/or one requester. */
export async function auditEntriesPage(
  prisma: PrismaClient,
  filter: { childId?: string; requesterSubject?: string },
  first: number,
  before: string | undefined,
): Promise<AuditEntryRow[]> {
  if (before != null && !ENTRY_ID.test(before))
    throw new BadUserInputError('before', 'must be the id of an audit entry');
  return prisma.$queryRawUnsafe<AuditEntryRow[]>(
    `WITH entries AS (
       SELECT "id", "childId", "consentId"::text, "emergencyAccessId"::text, ${SHARED}
       FROM ${AUDIT_ENTRIES} x
       WHERE ($1::uuid IS NULL OR (x."coverage" @> ARRAY[$1::uuid] AND x."childId" = $1::uuid))
         AND ($2::text IS NULL OR x."requesterSubject" = $2))
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
  );
}
