import type { SubgraphFetch } from '../gateway/identity-forwarding.data-source.ts';
import { newTraceparent } from '../lib/auth/request-id.ts';
import { httpCall } from '../lib/http-client.ts';
import { CLIENT_TIMEOUT_MS, timedRound, type Body, type Round } from './workload.ts';

/** A gateway's plan as it ran: waves of subgraph fetches, each wave sent once the one before has answered. */
export type Plan = Array<Array<{ subgraph: string; body: string }>>;

/** The waves of one request's fetches: a fetch that started while the last wave was in flight ran beside it. */
export function planOf(fetches: readonly SubgraphFetch[]): Plan {
  const waves: Array<{ end: number; fetches: SubgraphFetch[] }> = [];
  for (const fetch of [...fetches].sort((a, b) => a.startedAt - b.startedAt)) {
    const last = waves.at(-1);
    if (last && fetch.startedAt < last.end) {
      last.fetches.push(fetch);
      last.end = Math.max(last.end, fetch.endedAt);
    } else waves.push({ end: fetch.endedAt, fetches: [fetch] });
  }
  return waves.map((wave) =>
    wave.fetches.map(({ subgraph, request }) => ({ subgraph, body: JSON.stringify(request) })),
  );
}

/**
 * The plan's fetches straight to the subgraphs, as the gateway sends them (the reader's token, a
 * trace of its own for each request): what the gateway costs is the difference.
 */
export const replayRound = (
  urls: Record<string, string>,
  token: string,
  plan: Plan,
  requests: number,
  concurrency: number,
): Promise<Round> =>
  timedRound(requests, concurrency, async () => {
    const { traceparent } = newTraceparent();
    let unavailable = 0;
    for (const wave of plan)
      await Promise.all(
        wave.map(async ({ subgraph, body }) => {
          const res = await httpCall(urls[subgraph], {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent },
            body,
            timeoutMs: CLIENT_TIMEOUT_MS,
          });
          const answer = JSON.parse(res.body) as Body;
          if (res.status !== 200 || !answer.data)
            throw new Error(`${subgraph} answered HTTP ${res.status} without data`);
          unavailable += (answer.errors ?? []).filter((e) => e.extensions?.code === 'CONSENT_UNAVAILABLE').length;
        }),
      );
    return { requestId: null, unavailable };
  });
