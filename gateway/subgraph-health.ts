const HEALTH_TIMEOUT_MS = 2_000;

export type SubgraphHealth = Record<string, 'ok' | 'unavailable'>;

/** Asks each subgraph's /health, beside its /graphql. */
export async function checkSubgraphs(subgraphUrls: Record<string, string>): Promise<SubgraphHealth> {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      const healthUrl = new URL('/health', url);
      const ok = await fetch(healthUrl, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }).then(
        (res) => res.ok,
        () => false,
      );
      return [name, ok ? 'ok' : 'unavailable'] as const;
    }),
  );
  return Object.fromEntries(entries);
}
