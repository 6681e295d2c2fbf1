import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

/** The tables whose rows are chained (see the migration `tamper_evident_chain`), each with its key. */
export const CHAINED_TABLES = [
  { table: 'Consent', key: 'id' },
  { table: 'ConsentWithdrawal', key: 'consentId' },
  { table: 'ConsentDecisionAudit', key: 'id' },
  { table: 'AuditReview', key: 'id' },
  { table: 'EmergencyAccess', key: 'id' },
  { table: 'Block', key: 'id' },
  { table: 'BlockLift', key: 'blockId' },
  { table: 'BlockedRecord', key: 'blockId' },
  { table: 'ConsentRelease', key: 'id' },
  { table: 'AuditGroup', key: 'id' },
  { table: 'ReleaseGroup', key: 'id' },
  { table: 'PersonnummerLookup', key: 'id' },
  { table: 'ChildIdentityRead', key: 'id' },
  { table: 'SphereChoice', key: 'id' },
  { table: 'MaturityAssessment', key: 'id' },
  { table: 'SipRequest', key: 'id' },
  { table: 'SipRequestAnswer', key: 'requestId' },
] as const;

export interface ChainBreak {
  table: string;
  /** The row's key (its id); null when the break is in the chain's links. */
  row: string | null;
  problem: string;
}

/** Where a table's chain stood when it was last verified intact, and the rows it held then. */
export interface VerifiedHead {
  seq: number;
  hash: string;
  rows: number;
}
export type VerifiedHeads = Record<string, VerifiedHead>;

export interface ChainReport {
  intact: boolean;
  /** Rows checked, over every chained table. */
  checked: number;
  /** The first broken link found; null when intact. */
  firstBroken: ChainBreak | null;
  /** Each table's head as verified now (complete only when intact): where the next check may start. */
  heads: VerifiedHeads;
}

const BATCH = 1_000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface LinkRow {
  seq: string;
  prev: string;
  hash: string;
  rowHashes: string[];
}

const GENESIS: VerifiedHead = { seq: 0, hash: 'genesis', rows: 0 };

/**
 * The links, in order, from `from` (the start, or the head verified last time) up to the head: each
 * follows the one before, and its hash covers its rows' hashes. The head is read first and the walk
 * stops at it, so links the graph adds meanwhile (it keeps serving) are neither checked nor
 * mistaken for a head that does not match. Returns the head reached, with the rows up to it.
 */
async function verifyLinks(
  prisma: PrismaClient,
  table: string,
  from: VerifiedHead,
): Promise<[VerifiedHead, ChainBreak | null]> {
  const [head] = await prisma.$queryRawUnsafe<Array<{ seq: string; hash: string }>>(
    `SELECT "seq"::text AS seq, "hash" FROM "AuditChainHead" WHERE "table" = $1`,
    table,
  );
  if (from.seq > 0) {
    const [verified] = await prisma.$queryRawUnsafe<Array<{ hash: string }>>(
      `SELECT "hash" FROM "AuditChainLink" WHERE "table" = $1 AND "seq" = $2`,
      table,
      from.seq,
    );
    if (verified?.hash !== from.hash) {
      const problem = `link ${from.seq} ${verified ? 'differs from' : 'is missing since'} the last verification`;
      return [from, { table, row: null, problem: `${problem}: the chain was rewritten` }];
    }
  }
  // Without a head every link is walked: there should be none.
  const last = head ? Number(head.seq) : Number.MAX_SAFE_INTEGER;
  let previous = from.hash;
  let position = from.seq;
  let rows = from.rows;
  for (;;) {
    const links = await prisma.$queryRawUnsafe<LinkRow[]>(
      // Ordered by the column, not by the text alias of the same name (which would put 10 before 2).
      `SELECT l."seq"::text AS seq, l."prev", l."hash", l."rowHashes" FROM "AuditChainLink" l
       WHERE l."table" = $1 AND l."seq" > $2 AND l."seq" <= $3 ORDER BY l."seq" LIMIT ${BATCH}`,
      table,
      position,
      last,
    );
    for (const link of links) {
      position += 1;
      const broken = (problem: string): [VerifiedHead, ChainBreak] => [
        { seq: position, hash: previous, rows },
        { table, row: null, problem },
      ];
      if (Number(link.seq) !== position) return broken(`link ${position} of the chain is missing: it was deleted`);
      if (link.prev !== previous || link.hash !== sha256(previous + link.rowHashes.join('')))
        return broken(`link ${position} of the chain was changed`);
      previous = link.hash;
      rows += link.rowHashes.length;
    }
    if (links.length < BATCH) break;
  }
  const headMatches = head ? last === position && head.hash === previous : position === 0;
  const reached = { seq: position, hash: previous, rows };
  return [reached, headMatches ? null : { table, row: null, problem: 'the last links of the chain were deleted' }];
}

/**
 * The key a link names, as the table's own (uuid) type, so that each row is found through the
 * table's primary key: compared as text, every key scanned the whole table (quadratic in the log's
 * size). A key that is no uuid (a link written by hand) finds no row, and is reported as deleted.
 */
const UUID_TEXT = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;
const asKey = (text: string) => `(CASE WHEN ${text} ~ ${UUID_TEXT} THEN ${text}::uuid END)`;

/** What a row found to differ from its link means. */
const rowBreak = (table: string, row: string, present: boolean, linked: boolean): ChainBreak => ({
  table,
  row,
  problem: !linked
    ? 'the row is not in the chain: it was inserted around it'
    : present
      ? 'the row was changed after it was stored'
      : 'the row was deleted',
});

/**
 * Every row is there as its link hashed it, and no row is outside the links, in one pass: each row
 * hashed once and matched to its link's key by a hash join, so the check grows with the log, not
 * with the log times its partitions (a key looked up in each month's index) or its square.
 */
async function verifyAllRows(prisma: PrismaClient, table: string, key: string): Promise<ChainBreak | null> {
  const [broken] = await prisma.$queryRawUnsafe<Array<{ row: string; present: boolean; linked: boolean }>>(
    `SELECT coalesce(linked.key, stored.key) AS row, stored.key IS NOT NULL AS present, linked.key IS NOT NULL AS linked
     FROM (SELECT t."${key}"::text AS key, encode(sha256(convert_to(to_jsonb(t)::text, 'UTF8')), 'hex') AS hash
           FROM "${table}" t) stored
     FULL JOIN (SELECT l."seq", k.key, k.hash FROM "AuditChainLink" l
                CROSS JOIN LATERAL unnest(l."rowKeys", l."rowHashes") AS k(key, hash) WHERE l."table" = $1) linked
       ON linked.key = stored.key
     WHERE stored.hash IS DISTINCT FROM linked.hash
     ORDER BY linked."seq" NULLS LAST, 1 LIMIT 1`,
    table,
  );
  return broken ? rowBreak(table, broken.row, broken.present, broken.linked) : null;
}

/**
 * The rows the links after `from` and up to `to` name are there as they were hashed (each found
 * through the table's key), and the table holds exactly as many rows as its chain names: a count,
 * not a second pass over every row.
 */
async function verifyRowsSince(
  prisma: PrismaClient,
  table: string,
  key: string,
  from: VerifiedHead,
  to: VerifiedHead,
): Promise<ChainBreak | null> {
  const [changed] = await prisma.$queryRawUnsafe<Array<{ row: string; present: boolean }>>(
    `SELECT linked.key AS row, t."${key}" IS NOT NULL AS present
     FROM "AuditChainLink" l CROSS JOIN LATERAL unnest(l."rowKeys", l."rowHashes") AS linked(key, hash)
     LEFT JOIN "${table}" t ON t."${key}" = ${asKey('linked.key')}
     WHERE l."table" = $1 AND l."seq" > $2 AND l."seq" <= $3
       AND (t."${key}" IS NULL OR encode(sha256(convert_to(to_jsonb(t)::text, 'UTF8')), 'hex') <> linked.hash)
     ORDER BY l."seq", linked.key LIMIT 1`,
    table,
    from.seq,
    to.seq,
  );
  if (changed) return rowBreak(table, changed.row, changed.present, true);
  // Rows written after the head was read are not counted: they belong to links not walked.
  const [{ rows }] = await prisma.$queryRawUnsafe<Array<{ rows: number }>>(
    `SELECT count(*)::int AS rows FROM "${table}"`,
  );
  if (rows < to.rows) return { table, row: null, problem: `${to.rows - rows} rows the chain names were deleted` };
  const [{ newer }] = await prisma.$queryRawUnsafe<Array<{ newer: number }>>(
    `SELECT coalesce(sum(cardinality("rowKeys")), 0)::int AS newer FROM "AuditChainLink"
     WHERE "table" = $1 AND "seq" > $2`,
    table,
    to.seq,
  );
  const outside = rows - to.rows - newer;
  return outside > 0
    ? { table, row: null, problem: `${outside} rows are not in the chain: they were inserted around it` }
    : null;
}

/**
 * Walks every chained table's links and names the first break it finds: from the first link, or,
 * given the heads a previous check verified (`since`), from those, checking only the rows added
 * since and that the table holds as many rows as its chain names. An incremental check does not
 * see an older row changed in place; the full one, run now and then, does.
 */
export async function verifyChains(prisma: PrismaClient, since: VerifiedHeads = {}): Promise<ChainReport> {
  let checked = 0;
  const heads: VerifiedHeads = {};
  for (const { table, key } of CHAINED_TABLES) {
    const from = since[table] ?? GENESIS;
    const [head, brokenLink] = await verifyLinks(prisma, table, from);
    checked += head.rows - from.rows;
    const broken =
      brokenLink ??
      (from.seq > 0 ? await verifyRowsSince(prisma, table, key, from, head) : await verifyAllRows(prisma, table, key));
    if (broken) return { intact: false, checked, firstBroken: broken, heads };
    heads[table] = head;
  }
  return { intact: true, checked, firstBroken: null, heads };
}
