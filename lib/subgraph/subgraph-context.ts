import type { Requester } from '../auth/requester.ts';
import type { SubgraphName } from '../config/config.ts';
import type { ConsentRequestState } from '../consent/consent-request-state.ts';
import type { SubgraphServices } from './subgraph-definition.ts';

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

/**
 * What every resolver receives: the subgraph's own records and the agency system it adapts (see
 * `SubgraphServices`), the clock, per-request DataLoaders, and the requester.
 */
export interface SubgraphContext<TPrisma, TLoaders, TSource = null>
  extends RequestContext, SubgraphServices<TPrisma, TSource> {
  loaders: TLoaders;
}

export function contextWithLoaders<TPrisma, TLoaders, TSource = null>(
  createLoaders: (services: SubgraphServices<TPrisma, TSource>) => TLoaders,
) {
  return (services: SubgraphServices<TPrisma, TSource>) => ({ ...services, loaders: createLoaders(services) });
}
