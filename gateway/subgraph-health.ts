import type { AdmissionState } from './admission.ts';

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

export interface GatewayHealth {
  status: 'ok' | 'degraded' | 'jammed';
  subgraphs: SubgraphHealth;
  requests: AdmissionState;
}

/**
 * The gateway is healthy while every subgraph answers and requests move: every place frees within
 * about one subgraph timeout, so a request that has waited twice that long means the gateway is
 * jammed (a load balancer should stop sending it traffic), whatever the subgraphs say.
 */
export function gatewayHealth(
  subgraphs: SubgraphHealth,
  requests: AdmissionState,
  subgraphTimeoutMs: number,
): GatewayHealth {
  if (requests.longestWaitMs > 2 * subgraphTimeoutMs) return { status: 'jammed', subgraphs, requests };
  const allUp = Object.values(subgraphs).every((status) => status === 'ok');
  return { status: allUp ? 'ok' : 'degraded', subgraphs, requests };
}
