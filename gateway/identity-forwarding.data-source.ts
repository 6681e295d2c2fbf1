import { performance } from 'node:perf_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Requester } from '../lib/auth/requester.ts';
import { ErrorCode } from '../lib/errors.ts';
import { httpCall, type HttpAnswer } from '../lib/http-client.ts';

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
  /** What was sent, so that the bench can replay the gateway's plan without it. */
  request: { query?: string; variables?: Record<string, unknown> };
  startedAt: number;
  endedAt: number;
}

/** What a subgraph answered with an HTTP error status: its GraphQL errors, when its body has them. */
const graphQLErrorsOf = (error: unknown): GraphQLFormattedError[] | null => {
  const body = (error as { extensions?: { response?: { body?: unknown } } })?.extensions?.response?.body;
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e?.message === 'string')
    ? (errors as GraphQLFormattedError[])
    : null;
};

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** An answer read whole, in the shape `@apollo/gateway` reads a fetch's answer in. */
function fetcherResponse(url: string, answer: HttpAnswer): FetcherResponse {
  const { status, body } = answer;
  return {
    url,
    status,
    ok: status >= 200 && status < 300,
    statusText: '',
    redirected: false,
    bodyUsed: false,
    headers: new Headers([...answer.headers]),
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer,
    clone: () => fetcherResponse(url, answer),
  };
}

/**
 * Sends each subgraph fetch with the client's own bearer token and this request's trace context,
 * and nothing else the client sent: what any router's header propagation does. A fetch that takes
 * longer than `timeoutMs` is abandoned, so a hung subgraph cannot hold the gateway's places.
 * Whatever goes wrong reaches the client as the subgraph's own GraphQL errors (a refused input
 * stays BAD_USER_INPUT) or as SERVICE_UNAVAILABLE naming the subgraph, never with its internal
 * address or raw HTTP status.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0] & { timeoutMs: number },
    private readonly observe?: (fetch: SubgraphFetch) => void,
    private readonly subgraph = '',
  ) {
    const { timeoutMs, ...rest } = config;
    super({
      ...rest,
      fetcher: async (url: string, init: Parameters<Fetcher>[1] = {}) =>
        fetcherResponse(
          url,
          await httpCall(url, {
            method: init.method === 'GET' ? 'GET' : 'POST',
            headers: init.headers,
            body: init.body?.toString(),
            timeoutMs,
          }),
        ),
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const requestId = (options.context as Partial<GatewayContext>).requestId;
    const startedAt = performance.now();
    try {
      return await super.process(options);
    } catch (error) {
      const errors = graphQLErrorsOf(error);
      if (errors) return { errors };
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new GraphQLError(
        timedOut
          ? `The ${this.subgraph} subgraph did not answer in time`
          : `The ${this.subgraph} subgraph could not answer`,
        { extensions: { code: ErrorCode.ServiceUnavailable, serviceName: this.subgraph } },
      );
    } finally {
      if (this.observe && requestId)
        this.observe({
          requestId,
          subgraph: this.subgraph,
          request: { query: options.request.query, variables: options.request.variables },
          startedAt,
          endedAt: performance.now(),
        });
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { authorization, traceparent } = context as Partial<GatewayContext>;
    // Health checks and schema loading run without a request context; they carry no requester.
    if (authorization) request.http?.headers.set('authorization', authorization);
    if (traceparent) request.http?.headers.set('traceparent', traceparent);
  }
}
