/**
 * Hive Gateway in front of the graph's subgraphs, with its standard configuration only:
 *
 *   npx hive-gateway supergraph schema/supergraph.graphql --config-path routers/hive-gateway/gateway.config.ts
 *   (add --hive-router-runtime for its Rust query planner)
 *
 * Each subgraph verifies the client's own token and enforces consent itself; the gateway only has
 * to pass the token on, and the request's id, which it sets as `x-request-id` by default.
 */
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'traceparent']) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
  // Identical queries in flight at once (one user's two tabs) would otherwise share one subgraph
  // fetch, and so one consent lookup and one audit trail for two client requests.
  transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
});
