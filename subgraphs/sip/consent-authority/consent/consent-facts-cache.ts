import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { currentConsentEpoch } from './consent-epoch.ts';
import { loadConsentFacts, type ChildConsentFacts } from './consent-facts.ts';

/** How many children's facts one SIP core keeps at most; past it, it starts over. */
const MAX_CHILDREN = 50_000;

interface Cache {
  /** The consent epoch the facts were read under (see the migration `audit_groups_and_consent_epoch`). */
  epoch: string | null;
  /** Null: no such child. */
  children: Map<string, ChildConsentFacts | null>;
}

const caches = new WeakMap<PrismaClient, Cache>();

/**
 * The consent rule's facts for these children, from memory while nothing the rule reads has
 * changed, so a lookup costs one statement instead of five. Every change to consents, withdrawals,
 * SIP participation or closure, blocks, emergency accesses or custody writes a new consent epoch
 * in its own transaction (database triggers), and a lookup that reads a new epoch forgets
 * everything: a change counts from the first lookup after it commits, as it would without the cache.
 */
export async function cachedConsentFacts(
  prisma: PrismaClient,
  childIds: readonly string[],
  /** When the lookup arrived (performance.now()); by default, now. */
  arrivedAt?: number,
): Promise<Map<string, ChildConsentFacts>> {
  const cache = cacheOf(prisma);
  // Read before the facts: facts read after a change are never kept under the epoch before it.
  const epoch = await currentConsentEpoch(prisma, arrivedAt);
  if (epoch === null || epoch !== cache.epoch || cache.children.size > MAX_CHILDREN) {
    cache.epoch = epoch;
    cache.children = new Map();
  }
  return factsOf(prisma, cache, epoch, childIds);
}

/**
 * The facts for these children under the consent epoch the cache holds, without reading the epoch
 * again: for decisions stored only if that epoch is still current when they are (the condition of
 * `storeAudit`), and made again on facts read afresh when it is not. Null: nothing is held.
 */
export async function consentFactsAsHeld(
  prisma: PrismaClient,
  childIds: readonly string[],
): Promise<{ epoch: string; facts: Map<string, ChildConsentFacts> } | null> {
  const cache = cacheOf(prisma);
  const epoch = cache.epoch;
  if (epoch === null || cache.children.size > MAX_CHILDREN) return null;
  return { epoch, facts: await factsOf(prisma, cache, epoch, childIds) };
}

function cacheOf(prisma: PrismaClient): Cache {
  let cache = caches.get(prisma);
  if (!cache) caches.set(prisma, (cache = { epoch: null, children: new Map() }));
  return cache;
}

/** From memory, and the children it lacks from the database (kept if the epoch did not move meanwhile). */
async function factsOf(
  prisma: PrismaClient,
  cache: Cache,
  epoch: string | null,
  childIds: readonly string[],
): Promise<Map<string, ChildConsentFacts>> {
  const children = cache.children;
  const found = new Map<string, ChildConsentFacts | null>();
  const missing: string[] = [];
  for (const id of new Set(childIds)) {
    if (children.has(id)) found.set(id, children.get(id)!);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const loaded = await loadConsentFacts(prisma, missing);
    // Kept only if no newer epoch was read meanwhile; used for this lookup either way.
    const keep = epoch !== null && cache.epoch === epoch && cache.children === children;
    for (const id of missing) {
      const facts = loaded.get(id) ?? null;
      found.set(id, facts);
      if (keep) children.set(id, facts);
    }
  }
  const result = new Map<string, ChildConsentFacts>();
  for (const [id, facts] of found) if (facts) result.set(id, facts);
  return result;
}
