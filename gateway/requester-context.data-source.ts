import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUESTER_CONTEXT_HEADER } from '../lib/auth/requester-context.ts';
import type { Requester } from '../lib/auth/requester.ts';

export interface GatewayContext {
  /** The requester context signed for this request; every subgraph fetch carries it. */
  requesterContextToken: string;
  requestId: string;
  /** Who asks, as the gateway verified them (for its own decisions; subgraphs get the signed context). */
  requester: Requester;
}

/** Sends each subgraph fetch with the requester context the gateway signed, and nothing the client sent. */
export class RequesterContextDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const token = (context as Partial<GatewayContext>).requesterContextToken;
    // Health checks and schema loading run without a request context; they carry no requester.
    if (token) request.http?.headers.set(REQUESTER_CONTEXT_HEADER, token);
  }
}
