import { performance } from 'node:perf_hooks';
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

/**
 * A write that holds only on conditions: that `call` (a subgraph's signed call for decisions) was
 * not stored before, and that the consent epoch is still `epoch`, the one the decisions were made
 * under. Checked in the statement that stores them, so that a call costs one round trip.
 */
export interface WriteCondition {
  call: { jti: string; expiresAt: Date };
  /** Null: nothing was known to decide on, and only the call is stored. */
  epoch: string | null;
}

export interface WriteOutcome {
  /** False: the call was stored before (a replay), or the epoch moved (then only the call's id was stored). */
  stored: boolean;
  /** The call's id was stored before this write: refuse it. */
  replayed: boolean;
  /** The consent epoch the statement read, and when (performance.now()) it started. */
  epoch: string | null;
  startedAt: number;
}

/** Records of one conditional write carry its number, so that they are never grouped with another's. */
type Numbered<T> = T & { write: number | null };

const auditKey = (r: Numbered<AuditRecord>) =>
  `${r.write}\u0000${r.requestId}\u0000${r.requesterSubject}\u0000${r.kind}\u0000${r.scope}\u0000` +
  `${r.fields.join(',')}\u0000${r.purpose}\u0000${r.subgraph}\u0000${r.granted}\u0000${r.reason}\u0000` +
  `${r.decidedAt.getTime()}`;
const releaseKey = (r: Numbered<ReleaseRecord>) =>
  [r.write, r.requestId, r.subgraph, r.scope, r.released, r.confirmedAt.getTime()].join('\u0000');

const uuids = (column: string) =>
  `ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(r."${column}") WITH ORDINALITY AS a(e, n) ORDER BY n)`;
// A record without a write number is stored unconditionally; one with it, if its write holds.
const HOLDS = `(r."write" IS NULL OR r."write" IN (SELECT "write" FROM holding))`;

/**
 * Stores decisions and release confirmations in one statement, one row per group of records that
 * differ only in the child: a lookup of 100 children's care contacts is one row, not 100 (npm run
 * bench measured rows as the largest single cost of enforcement). The log shows one entry per child.
 * The same statement stores the conditional writes' calls and reads the consent epoch, in one
 * snapshot: a write holds if its call is new and the epoch is the one it names.
 */
async function insertGroups(
  prisma: PrismaClient,
  records: Numbered<AuditRecord>[],
  releases: Numbered<ReleaseRecord>[],
  conditions: Array<WriteCondition['call'] & { write: number; epoch: string | null }>,
) {
  const audit = grouped(records, auditKey, ['childId', 'consentId', 'emergencyAccessId']);
  const confirmed = grouped(releases, releaseKey, ['childId']);
  const startedAt = performance.now();
  const [result] = await prisma.$queryRawUnsafe<
    Array<{ holding: number[] | null; fresh: number[] | null; epoch: string | null }>
  >(
    `WITH calls AS (
       -- The same call twice in one batch (a replay racing its original) counts once: the first.
       SELECT DISTINCT ON ("jti") * FROM jsonb_to_recordset($3::jsonb)
         AS c("write" int, "jti" text, "expiresAt" timestamptz, "epoch" text)
       ORDER BY "jti", "write"
     ), stored AS (
       INSERT INTO "SubgraphCall" ("jti", "expiresAt") SELECT "jti", "expiresAt" FROM calls
       ON CONFLICT ("jti") DO NOTHING RETURNING "jti"
     ), fresh AS (
       SELECT c."write", c."epoch" FROM calls c WHERE c."jti" IN (SELECT "jti" FROM stored)
     ), current AS (
       SELECT "epoch"::text AS "epoch" FROM "_consent_epoch" WHERE "id" = 1
     ), holding AS (
       SELECT "write" FROM fresh WHERE "epoch" = (SELECT "epoch" FROM current)
     ), audit AS (
       INSERT INTO "AuditGroup"
         ("id", "requestId", "requesterSubject", "requesterRole", "requesterAgency", "requesterUnit", "requesterName",
         "kind", "scope", "fields", "purpose", "subgraph", "granted", "reason", "decidedAt", "childIds", "consentIds",
         "emergencyAccessIds")
       SELECT gen_random_uuid(), r."requestId", r."requesterSubject", r."requesterRole", r."requesterAgency"::"Agency",
              r."requesterUnit", r."requesterName", r."kind", r."scope",
              ARRAY(SELECT jsonb_array_elements_text(r."fields")), r."purpose", r."subgraph", r."granted", r."reason",
              r."decidedAt", ${uuids('childId')}, ${uuids('consentId')}, ${uuids('emergencyAccessId')}
       FROM jsonb_to_recordset($1::jsonb) AS r(
         "write" int, "requestId" text, "requesterSubject" text, "requesterRole" text, "requesterAgency" text,
         "requesterUnit" text, "requesterName" text, "kind" text, "scope" text, "fields" jsonb, "purpose" text,
         "subgraph" text, "granted" boolean, "reason" text, "decidedAt" timestamptz, "childId" jsonb,
         "consentId" jsonb, "emergencyAccessId" jsonb)
       WHERE ${HOLDS}
     ), releases AS (
       INSERT INTO "ReleaseGroup" ("id", "requestId", "subgraph", "scope", "released", "childIds", "confirmedAt")
       SELECT gen_random_uuid(), r."requestId", r."subgraph", r."scope", r."released", ${uuids('childId')},
              r."confirmedAt"
       FROM jsonb_to_recordset($2::jsonb) AS r(
         "write" int, "requestId" text, "subgraph" text, "scope" text, "released" boolean, "childId" jsonb,
         "confirmedAt" timestamptz)
       WHERE ${HOLDS}
     )
     SELECT (SELECT array_agg("write") FROM holding) AS holding,
            (SELECT array_agg("write") FROM fresh) AS fresh,
            (SELECT "epoch" FROM current) AS epoch`,
    JSON.stringify(audit),
    JSON.stringify(confirmed),
    JSON.stringify(conditions),
  );
  return { holding: new Set(result.holding), fresh: new Set(result.fresh), epoch: result.epoch, startedAt };
}

interface Pending {
  records: AuditRecord[];
  releases: ReleaseRecord[];
  condition?: WriteCondition;
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

const queues = new WeakMap<PrismaClient, { waiting: Pending[]; writing: boolean }>();

/** Writes what is waiting, together; each conditional write is numbered by its place in the batch. */
async function writeBatch(prisma: PrismaClient, batch: Pending[]) {
  const write = (i: number) => (batch[i].condition ? i : null);
  const { holding, fresh, epoch, startedAt } = await insertGroups(
    prisma,
    batch.flatMap((pending, i) => pending.records.map((record) => ({ ...record, write: write(i) }))),
    batch.flatMap((pending, i) => pending.releases.map((release) => ({ ...release, write: write(i) }))),
    batch.flatMap(({ condition }, i) => (condition ? [{ write: i, ...condition.call, epoch: condition.epoch }] : [])),
  );
  batch.forEach((pending, i) =>
    pending.resolve({
      stored: !pending.condition || holding.has(i),
      replayed: !!pending.condition && !fresh.has(i),
      epoch,
      startedAt,
    }),
  );
}

/**
 * Stores audit records (before the data they are about is released) and release confirmations,
 * unconditionally or on a `condition`. Group commit: what arrives while a write is running goes
 * into the next one, together, so a burst of lookups costs a few statements rather than one each.
 * Resolves once stored (or found not to hold); if the write fails, every caller in it fails, and
 * each withholds its data.
 */
export function storeAudit(
  prisma: PrismaClient,
  records: AuditRecord[],
  releases: ReleaseRecord[] = [],
  condition?: WriteCondition,
): Promise<WriteOutcome> {
  if (records.length === 0 && releases.length === 0 && !condition)
    return Promise.resolve({ stored: true, replayed: false, epoch: null, startedAt: performance.now() });
  let queue = queues.get(prisma);
  if (!queue) queues.set(prisma, (queue = { waiting: [], writing: false }));
  const state = queue;
  return new Promise<WriteOutcome>((resolve, reject) => {
    state.waiting.push({ records, releases, condition, resolve, reject });
    if (state.writing) return;
    state.writing = true;
    void (async () => {
      while (state.waiting.length > 0) {
        const batch = state.waiting.splice(0);
        try {
          await writeBatch(prisma, batch);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
      state.writing = false;
    })();
  });
}
