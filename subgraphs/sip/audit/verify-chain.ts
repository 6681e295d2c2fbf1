import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../../prisma/sip/client/client.ts';

/** The tables whose rows are chained (see the migration `tamper_evident_chain`), each with its key. */
export const CHAINED_TABLES = [
  { table: 'Consent', key: 'id' },
  { table: 'ConsentWithdrawal', key: 'consentId' },
  { table: 'ConsentDecisionAudit', key: 'id' },
] as const;

export interface ChainBreak {
  table: string;
  /** The row's key (its id), as stored. */
  row: string | null;
  problem: string;
}

export interface ChainReport {
  intact: boolean;
  /** Rows checked, over every chained table. */
  checked: number;
  /** The first broken link, in table order then chain order; null when intact. */
  firstBroken: ChainBreak | null;
}

const BATCH = 5_000;
const hashOf = (previous: string, content: string) =>
  createHash('sha256')
    .update(previous + content, 'utf8')
    .digest('hex');

interface ChainRow {
  row: string;
  seq: string | null;
  prev: string | null;
  hash: string | null;
  content: string;
}

async function verifyTable(prisma: PrismaClient, table: string, key: string): Promise<[number, ChainBreak | null]> {
  const select = (where: string) =>
    prisma.$queryRawUnsafe<ChainRow[]>(
      `SELECT "${key}"::text AS row, "chainSeq"::text AS seq, "chainPrev" AS prev, "chainHash" AS hash,
         (to_jsonb(t) - 'chainSeq' - 'chainPrev' - 'chainHash')::text AS content
       FROM "${table}" t WHERE ${where} ORDER BY "chainSeq" LIMIT ${BATCH}`,
    );
  const [outside] = await select('"chainSeq" IS NULL');
  if (outside)
    return [0, { table, row: outside.row, problem: 'the row is not in the chain: it was inserted around it' }];
  let previous = 'genesis';
  let position = 0;
  for (;;) {
    const rows = await select(`"chainSeq" > ${position}`);
    for (const row of rows) {
      position += 1;
      const broken = (problem: string): [number, ChainBreak] => [position, { table, row: row.row, problem }];
      if (Number(row.seq) !== position) return broken(`row ${position} of the chain is missing: it was deleted`);
      if (row.prev !== previous) return broken('the link to the row before does not match: a row before was changed');
      if (row.hash !== hashOf(previous, row.content)) return broken('the row was changed after it was stored');
      previous = row.hash;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await prisma.$queryRawUnsafe<Array<{ seq: string; hash: string }>>(
    `SELECT "seq"::text AS seq, "hash" FROM "AuditChainHead" WHERE "table" = $1`,
    table,
  );
  const headMatches = head ? Number(head.seq) === position && head.hash === previous : position === 0;
  return [
    position,
    headMatches ? null : { table, row: null, problem: 'the last rows of the chain are missing: they were deleted' },
  ];
}

/** Walks every chained table from its first row and names the first broken link. */
export async function verifyChains(prisma: PrismaClient): Promise<ChainReport> {
  let checked = 0;
  for (const { table, key } of CHAINED_TABLES) {
    const [rows, broken] = await verifyTable(prisma, table, key);
    checked += rows;
    if (broken) return { intact: false, checked, firstBroken: broken };
  }
  return { intact: true, checked, firstBroken: null };
}
