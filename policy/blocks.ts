import type { Agency } from './agencies.ts';
import type { Reader } from './recipients.ts';

/** A block (spärr) as the rule sees it, with its lifting folded in. */
export interface BlockFacts {
  id: string;
  scopes: string[];
  /** The one record it keeps (a diagnosis, a placement); null: its whole categories. */
  recordId: string | null;
  /** The units it keeps the data from; empty means every other agency. */
  fromUnits: Array<{ agency: Agency; unit: string }>;
  placedAt: Date;
  /** Exclusive; null means until lifted. */
  until: Date | null;
  liftedAt: Date | null;
}

const keepsFrom = (block: BlockFacts, reader: Reader, at: Date) =>
  block.placedAt <= at &&
  (block.until === null || at < block.until) &&
  (block.liftedAt === null || at < block.liftedAt) &&
  (block.fromUnits.length === 0 ||
    block.fromUnits.some((from) => from.agency === reader.agency && from.unit === reader.unit));

/**
 * The block that keeps this whole scope from this reader at `at`, if any. A block goes before every
 * consent, and before emergency access too: the family's explicit decision about that
 * information stands, as a block (spärr) in the national patient overview does. It holds from
 * being placed until its end or until the family lifts it.
 */
export const blockFor = (blocks: readonly BlockFacts[], reader: Reader, scope: string, at: Date) =>
  blocks.find((block) => block.recordId === null && block.scopes.includes(scope) && keepsFrom(block, reader, at));

/**
 * The single records kept from this reader at `at`, whatever category they are listed under: a
 * read the rule grants still leaves these out, and says how many it left out. A record is kept
 * by its id wherever it appears, so a block naming the wrong category still keeps it.
 */
export const blockedRecordsFor = (blocks: readonly BlockFacts[], reader: Reader, at: Date): string[] => [
  ...new Set(
    blocks.filter((block) => block.recordId !== null && keepsFrom(block, reader, at)).map((block) => block.recordId!),
  ),
];

/**
 * How many single records of `scope` are kept from this reader at `at`: what the reader is told is
 * left out of that category. It counts the blocks, not what a query happened to meet, so the same
 * number stands beside every page and every date range: narrowing a read's window cannot find out
 * when a blocked record was made.
 */
export const recordsBlockedInScope = (blocks: readonly BlockFacts[], reader: Reader, scope: string, at: Date): number =>
  new Set(
    blocks
      .filter((block) => block.recordId !== null && block.scopes.includes(scope) && keepsFrom(block, reader, at))
      .map((block) => block.recordId),
  ).size;
