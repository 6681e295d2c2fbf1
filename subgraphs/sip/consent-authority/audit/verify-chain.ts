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

export interface ChainReport {
  intact: boolean;
  /** Rows checked, over every chained table. */
  checked: number;
  /** The first broken link found; null when intact. */
  firstBroken: ChainBreak | null;
}

const BATCH = 1_000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface LinkRow {
  seq: string;
  prev: string;
  hash: string;
  rowHashes: string[];
}

/**
 * The links, in order, up to the head: each follows the one before, and its hash covers its rows'
 * hashes. The head is read first and the walk stops at it, so links the graph adds meanwhile (it
 * keeps serving) are neither checked nor mistaken for a head that does not match.
 */
async function verifyLinks(prisma: PrismaClient, table: string): Promise<[number, ChainBreak | null]> {
  const [head] = await prisma.$queryRawUnsafe<Array<{ seq: string; hash: string }>>(
    `SELECT "seq"::text AS seq, "hash" FROM "AuditChainHead" WHERE "table" = $1`,
    table,
  );
  // Without a head every link is walked: there should be none.
  const last = head ? Number(head.seq) : Number.MAX_SAFE_INTEGER;
  let previous = 'genesis';
  let position = 0;
  let rows = 0;
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
      const broken = (problem: string): [number, ChainBreak] => [rows, { table, row: null, problem }];
      if (Number(link.seq) !== position) return broken(`link ${position} of the chain is missing: it was deleted`);
      if (link.prev !== previous || link.hash !== sha256(previous + link.rowHashes.join('')))
        return broken(`link ${position} of the chain was changed`);
      previous = link.hash;
      rows += link.rowHashes.length;
    }
    if (links.length < BATCH) break;
  }
  const headMatches = head ? last === position && head.hash === previous : position === 0;
  return [rows, headMatches ? null : { table, row: null, problem: 'the last links of the chain were deleted' }];
}

/**
 * The key a link names, as the table's own (uuid) type, so that each row is found through the
 * table's primary key: compared as text, every key scanned the whole table (quadratic in the log's
 * size). A key that is no uuid (a link written by hand) finds no row, and is reported as deleted.
 */
const UUID_TEXT = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;
const asKey = (text: string) => `(CASE WHEN ${text} ~ ${UUID_TEXT} THEN ${text}::uuid END)`;

/** Every row the links name is there as it was hashed, and no row is outside the links. */
async function verifyRows(prisma: PrismaClient, table: string, key: string): Promise<ChainBreak | null> {
  const [changed] = await prisma.$queryRawUnsafe<Array<{ row: string; present: boolean }>>(
    `SELECT linked.key AS row, t."${key}" IS NOT NULL AS present
     FROM "AuditChainLink" l CROSS JOIN LATERAL unnest(l."rowKeys", l."rowHashes") AS linked(key, hash)
     LEFT JOIN "${table}" t ON t."${key}" = ${asKey('linked.key')}
     WHERE l."table" = $1
       AND (t."${key}" IS NULL OR encode(sha256(convert_to(to_jsonb(t)::text, 'UTF8')), 'hex') <> linked.hash)
     ORDER BY l."seq", linked.key LIMIT 1`,
    table,
  );
  if (changed)
    return {
      table,
      row: changed.row,
      problem: changed.present ? 'the row was changed after it was stored' : 'the row was deleted',
    };
  // A set difference, hashed: an anti-join planned over the unnested keys (whose number the
  // planner cannot know) became a nested loop, one pass over the links for every row.
  const [outside] = await prisma.$queryRawUnsafe<Array<{ row: string }>>(
    `SELECT key AS row FROM (
       SELECT t."${key}"::text AS key FROM "${table}" t
       EXCEPT SELECT unnest("rowKeys") FROM "AuditChainLink" WHERE "table" = $1
     ) outside LIMIT 1`,
    table,
  );
  return outside
    ? { table, row: outside.row, problem: 'the row is not in the chain: it was inserted around it' }
    : null;
}

/** Walks every chained table's links from the first and names the first break it finds. */
export async function verifyChains(prisma: PrismaClient): Promise<ChainReport> {
  let checked = 0;
  for (const { table, key } of CHAINED_TABLES) {
    const [rows, brokenLink] = await verifyLinks(prisma, table);
    checked += rows;
    const broken = brokenLink ?? (await verifyRows(prisma, table, key));
    if (broken) return { intact: false, checked, firstBroken: broken };
  }
  return { intact: true, checked, firstBroken: null };
}
