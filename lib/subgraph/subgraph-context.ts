import type { Requester } from '../auth/requester.ts';
import type { Clock } from '../clock.ts';
import type { SubgraphName } from '../config.ts';
import type { ConsentRequestState } from '../consent/consent-request-state.ts';

/** What the runtime adds to every request, from the requester's verified token. */
export interface RequestContext {
  requester: Requester;
  requestId: string;
  consent: ConsentRequestState;
  /** Inside a guarded field only: the records the family blocked from this reader, to leave out. */
  recordsLeftOut?: ReadonlySet<string>;
  /**
   * Posts to a route of another subgraph on the requester's behalf (their verified context and this
   * subgraph's signature go along), within the consent timeout; its JSON answer, or an error.
   */
  askSubgraph(name: SubgraphName, path: string, body: unknown): Promise<unknown>;
}

/** What every resolver receives: the subgraph's own database, the clock, per-request DataLoaders, and the requester. */
export interface SubgraphContext<TPrisma, TLoaders> extends RequestContext {
  prisma: TPrisma;
  clock: Clock;
  loaders: TLoaders;
}

export function contextWithLoaders<TPrisma, TLoaders>(createLoaders: (prisma: TPrisma, clock: Clock) => TLoaders) {
  return ({ prisma, clock }: { prisma: TPrisma; clock: Clock }) => ({
    prisma,
    clock,
    loaders: createLoaders(prisma, clock),
  });
}
