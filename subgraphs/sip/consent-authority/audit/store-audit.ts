import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { ConsentRelease } from '../../../../lib/consent/consent-decision.ts';
import type { Requester } from '../../../../policy/roles.ts';

/** Who asked, in which request: the columns every audit record starts with. */
export const byRequester = (requester: Requester, requestId: string) => ({
  requestId,
  requesterSubject: requester.subject,
  requesterRole: requester.role,
  requesterAgency: requester.agency as string | null,
  requesterUnit: requester.unit,
  requesterName: requester.name,
});

/** What a logged read was of. */
export const AUDIT_KINDS = ['CROSS_AGENCY', 'CHILD_IDENTITY', 'CHILD_CONSENTS'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditRecord extends ReturnType<typeof byRequester> {
  childId: string;
  /** CROSS_AGENCY (another agency's fields), CHILD_IDENTITY or CHILD_CONSENTS (the SIP core's own). */
  kind: AuditKind;
  /** The information category of a cross-agency read. */
  scope: string | null;
  fields: string[];
  /** Why the requester read it, when they had to say (a lookup by personnummer). */
  purpose?: string | null;
  subgraph: string;
  granted: boolean;
  reason: string | null;
  consentId: string | null;
  emergencyAccessId?: string | null;
  decidedAt: Date;
}

/** A subgraph's confirmation of what it did with a (child, scope) it was granted in a request. */
export interface ReleaseRecord extends ConsentRelease {
  subgraph: string;
  confirmedAt: Date;
}

/** One row: records that differ only in the child, with the per-child columns as aligned arrays. */
interface Grouped<T> {
  first: T;
  perChild: Record<string, unknown[]>;
}

/**
 * Groups `items` by `keyOf` (what they share), collecting `perChild` columns. The key is a few
 * columns joined, not the whole record: this runs for every child of every lookup.
 */
function grouped<T extends object>(items: readonly T[], keyOf: (item: T) => string, perChild: Array<keyof T>) {
  const groups = new Map<string, Grouped<T>>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { first: item, perChild: Object.fromEntries(perChild.map((k) => [k, []])) }));
    for (const column of perChild) group.perChild[column as string].push(item[column] ?? null);
  }
  return [...groups.values()].map(({ first, perChild: columns }) => ({ ...first, ...columns }));
}

const auditKey = (r: AuditRecord) =>
  `${r.requestId}\u0000${r.requesterSubject}\u0000${r.kind}\u0000${r.scope}\u0000${r.fields.join(',')}\u0000` +
  `${r.purpose}\u0000${r.subgraph}\u0000${r.granted}\u0000${r.reason}\u0000${r.decidedAt.getTime()}`;
const releaseKey = (r: ReleaseRecord) =>
  [r.requestId, r.subgraph, r.scope, r.released, r.confirmedAt.getTime()].join('\u0000');

const uuids = (column: string) =>
  `ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(r."${column}") WITH ORDINALITY AS a(e, n) ORDER BY n)`;

/**
 * Stores decisions and release confirmations in one statement, one row per group of records that
 * differ only in the child: a lookup of 100 children's care contacts is one row, not 100 (npm run
 * bench measured rows as the largest single cost of enforcement). The log shows one entry per child.
 */
async function insertGroups(prisma: PrismaClient, records: AuditRecord[], releases: ReleaseRecord[]) {
  const audit = grouped(records, auditKey, ['childId', 'consentId', 'emergencyAccessId']);
  const confirmed = grouped(releases, releaseKey, ['childId']);
  await prisma.$executeRawUnsafe(
    `WITH audit AS (
       INSERT INTO "AuditGroup"
         ("id", "requestId", "requesterSubject", "requesterRole", "requesterAgency", "requesterUnit", "requesterName",
         "kind", "scope", "fields", "purpose", "subgraph", "granted", "reason", "decidedAt", "childIds", "consentIds",
         "emergencyAccessIds")
       SELECT gen_random_uuid(), r."requestId", r."requesterSubject", r."requesterRole", r."requesterAgency"::"Agency",
              r."requesterUnit", r."requesterName", r."kind", r."scope",
              ARRAY(SELECT jsonb_array_elements_text(r."fields")), r."purpose", r."subgraph", r."granted", r."reason",
              r."decidedAt", ${uuids('childId')}, ${uuids('consentId')}, ${uuids('emergencyAccessId')}
       FROM jsonb_to_recordset($1::jsonb) AS r(
         "requestId" text, "requesterSubject" text, "requesterRole" text, "requesterAgency" text,
         "requesterUnit" text, "requesterName" text, "kind" text, "scope" text, "fields" jsonb, "purpose" text,
         "subgraph" text, "granted" boolean, "reason" text, "decidedAt" timestamptz, "childId" jsonb,
         "consentId" jsonb, "emergencyAccessId" jsonb)
     ), releases AS (
       INSERT INTO "ReleaseGroup" ("id", "requestId", "subgraph", "scope", "released", "childIds", "confirmedAt")
       SELECT gen_random_uuid(), r."requestId", r."subgraph", r."scope", r."released", ${uuids('childId')},
              r."confirmedAt"
       FROM jsonb_to_recordset($2::jsonb) AS r(
         "requestId" text, "subgraph" text, "scope" text, "released" boolean, "childId" jsonb,
         "confirmedAt" timestamptz)
     )
     SELECT 1`,
    JSON.stringify(audit),
    JSON.stringify(confirmed),
  );
}

interface Pending {
  records: AuditRecord[];
  releases: ReleaseRecord[];
  resolve(): void;
  reject(error: unknown): void;
}

const queues = new WeakMap<PrismaClient, { waiting: Pending[]; writing: boolean }>();

/**
 * Stores audit records (before the data they are about is released) and release confirmations.
 * Group commit: what arrives while a write is running goes into the next one, together, so a
 * burst of lookups costs a few statements rather than one each. Resolves once stored; if the
 * write fails, every caller in it fails, and each withholds its data.
 */
export function storeAudit(
  prisma: PrismaClient,
  records: AuditRecord[],
  releases: ReleaseRecord[] = [],
): Promise<void> {
  if (records.length === 0 && releases.length === 0) return Promise.resolve();
  let queue = queues.get(prisma);
  if (!queue) queues.set(prisma, (queue = { waiting: [], writing: false }));
  const state = queue;
  return new Promise<void>((resolve, reject) => {
    state.waiting.push({ records, releases, resolve, reject });
    if (state.writing) return;
    state.writing = true;
    void (async () => {
      while (state.waiting.length > 0) {
        const batch = state.waiting.splice(0);
        try {
          await insertGroups(
            prisma,
            batch.flatMap((pending) => pending.records),
            batch.flatMap((pending) => pending.releases),
          );
          for (const pending of batch) pending.resolve();
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
      state.writing = false;
    })();
  });
}
