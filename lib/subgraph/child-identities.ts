import DataLoader from 'dataloader';

/**
 * The identity bridge: agency systems know a child by personnummer, the graph by the SIP core's id.
 * An agency subgraph asks the SIP core, as itself (signed, no requester), for the personnummer of
 * the children in a fetch, or for the ids of the children its own records name: what it gets never
 * depends on what the reader may see, and the SIP core logs each ask as that subgraph's lookup.
 */
export const CHILD_IDENTITIES_PATH = '/children/identities';

/** At most this many children per ask; a larger fetch asks in slices. */
export const MAX_CHILDREN_PER_ASK = 1_000;

/** By child id, or by personnummer (12 digits); never both. */
export type ChildIdentityRequest = { childIds: string[] } | { personnummer: string[] };

export interface ChildIdentityAnswer {
  /** The registered children among those asked about; anyone unknown is left out. */
  children: ChildIdentity[];
}

export interface ChildIdentity {
  childId: string;
  personnummer: string;
}

/** As the SIP core stores a personnummer (YYYYMMDDNNNC). */
export const TWELVE_DIGITS = /^\d{12}$/;

/** A request's view of the bridge: maps between the two, leaving out children the SIP core does not know. */
export interface ChildIdentities {
  /** Each child's personnummer, by child id. */
  personnummerOf(childIds: readonly string[]): Promise<Map<string, string>>;
  /** Each registered child's id, by personnummer. */
  childIdsOf(personnummer: readonly string[]): Promise<Map<string, string>>;
}

/** The bridge shared by a subgraph's requests; each request's asks carry its id into the SIP core's log. */
export type SharedChildIdentities = {
  [Method in keyof ChildIdentities]: (
    keys: readonly string[],
    requestId: string,
  ) => ReturnType<ChildIdentities[Method]>;
} & {
  /** Forgets every pair remembered: the SIP core's children were replaced (a test starting over). */
  forget(): void;
};

/**
 * A request's view of the shared bridge, its asks logged under the request's id: what its loaders
 * ask in the same tick (each guarded field of a fetch asks for the same children) is one ask.
 */
export function forRequest(shared: SharedChildIdentities, requestId: string): ChildIdentities {
  const batched = (lookUp: SharedChildIdentities[keyof ChildIdentities]) => {
    const loader = new DataLoader<string, string | null>(async (keys) => {
      const found = await lookUp(keys, requestId);
      return keys.map((key) => found.get(key) ?? null);
    });
    return async (keys: readonly string[]) => {
      const values = await loader.loadMany(keys);
      const found = new Map<string, string>();
      values.forEach((value, i) => {
        if (value instanceof Error) throw value;
        if (value !== null) found.set(keys[i]!, value);
      });
      return found;
    };
  };
  return { personnummerOf: batched(shared.personnummerOf), childIdsOf: batched(shared.childIdsOf) };
}

/**
 * Asks the SIP core (`ask`, signed as the subgraph) and remembers each pair for `rememberMs`, both
 * ways: a personnummer seldom changes (a reserve number becomes one), and a busy graph should not
 * ask for the same child on every request.
 */
export function createChildIdentities(
  ask: (request: ChildIdentityRequest, requestId: string) => Promise<ChildIdentityAnswer>,
  options: { rememberMs: number; now?: () => number },
): SharedChildIdentities {
  const now = options.now ?? Date.now;
  const byChild = new Map<string, { other: string; until: number }>();
  const byPersonnummer = new Map<string, { other: string; until: number }>();

  const lookUp = async (
    keys: readonly string[],
    requestId: string,
    direction: { known: typeof byChild; request: (slice: string[]) => ChildIdentityRequest; key: keyof ChildIdentity },
  ) => {
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const known = direction.known.get(key);
      if (known && known.until > now()) found.set(key, known.other);
      else missing.push(key);
    }
    const asked = new Set(missing);
    for (let start = 0; start < missing.length; start += MAX_CHILDREN_PER_ASK) {
      const { children } = await ask(direction.request(missing.slice(start, start + MAX_CHILDREN_PER_ASK)), requestId);
      for (const child of children) {
        if (!asked.has(child[direction.key]) || !TWELVE_DIGITS.test(child.personnummer)) continue;
        const until = now() + options.rememberMs;
        byChild.set(child.childId, { other: child.personnummer, until });
        byPersonnummer.set(child.personnummer, { other: child.childId, until });
        found.set(child[direction.key], direction.key === 'childId' ? child.personnummer : child.childId);
      }
    }
    return found;
  };

  return {
    forget: () => {
      byChild.clear();
      byPersonnummer.clear();
    },
    personnummerOf: (childIds, requestId) =>
      lookUp(childIds, requestId, { known: byChild, request: (slice) => ({ childIds: slice }), key: 'childId' }),
    childIdsOf: (personnummer, requestId) =>
      lookUp(personnummer, requestId, {
        known: byPersonnummer,
        request: (slice) => ({ personnummer: slice }),
        key: 'personnummer',
      }),
  };
}
