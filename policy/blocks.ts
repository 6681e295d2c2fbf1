import type { Agency } from './agencies.ts';
import type { Reader } from './recipients.ts';

/** A block (spärr) as the rule sees it, with its lifting folded in. */
export interface BlockFacts {
  id: string;
  scopes: string[];
  /** The units it keeps the data from; empty means every other agency. */
  fromUnits: Array<{ agency: Agency; unit: string }>;
  placedAt: Date;
  /** Exclusive; null means until lifted. */
  until: Date | null;
  liftedAt: Date | null;
}

/**
 * The block that keeps this scope from this reader at `at`, if any. A block goes before every
 * consent, and before emergency access too: the family's explicit decision about that
 * information stands, as a block (spärr) in the national patient overview does. It holds from
 * being placed until its end or until the family lifts it.
 */
export const blockFor = (blocks: readonly BlockFacts[], reader: Reader, scope: string, at: Date) =>
  blocks.find(
    (block) =>
      block.scopes.includes(scope) &&
      block.placedAt <= at &&
      (block.until === null || at < block.until) &&
      (block.liftedAt === null || at < block.liftedAt) &&
      (block.fromUnits.length === 0 ||
        block.fromUnits.some((from) => from.agency === reader.agency && from.unit === reader.unit)),
  );
