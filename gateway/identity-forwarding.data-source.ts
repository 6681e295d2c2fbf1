import { performance } from 'node:perf_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Requester } from '../lib/auth/requester.ts';

export interface GatewayContext {
  /** The client's bearer token, which every subgraph verifies itself. */
  authorization: string;
  /** W3C trace context of this request; its trace id is the request id in every service and in the audit log. */
  traceparent: string;
  requestId: string;
  /** Who asks, as the gateway verified them (for its own decisions, such as introspection). */
  requester: Requester;
}

/** One subgraph fetch of a request, timed (performance.now()), for `npm run bench`. */
export interface SubgraphFetch {
  requestId: string;
  subgraph: string;
  startedAt: number;
  endedAt: number;
}

/**
 * Sends each subgraph fetch with the client's own bearer token and this request's trace context,
 * and nothing else the client sent: what any router's header propagation does.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0],
    private readonly observe?: (fetch: SubgraphFetch) => void,
    private readonly subgraph = '',
  ) {
    super(config);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const requestId = (options.context as Partial<GatewayContext>).requestId;
    if (!this.observe || !requestId) return super.process(options);
    const startedAt = performance.now();
    try {
      return await super.process(options);
    } finally {
      this.observe({ requestId, subgraph: this.subgraph, startedAt, endedAt: performance.now() });
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { authorization, traceparent } = context as Partial<GatewayContext>;
    // Health checks and schema loading run without a request context; they carry no requester.
    if (authorization) request.http?.headers.set('authorization', authorization);
    if (traceparent) request.http?.headers.set('traceparent', traceparent);
  }
}
