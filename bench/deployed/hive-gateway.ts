import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { gatewayConfig } from '../../routers/hive-gateway/gateway.config.ts';
import { supergraphAt } from '../../test/support/supergraph-at.ts';

export type HivePlanner = 'javascript' | 'rust';

/**
 * Hive Gateway in this process, with the configuration of routers/hive-gateway/ (header
 * propagation, in-flight deduplication off, so it does the same work as our gateway), over the
 * given subgraphs; `rust` is its Hive Router runtime (the CLI's --hive-router-runtime).
 */
export async function startHiveGateway(subgraphUrls: Record<string, string>, planner: HivePlanner) {
  const runtime = createGatewayRuntime({
    propagateHeaders: gatewayConfig.propagateHeaders,
    transportEntries: gatewayConfig.transportEntries,
    supergraph: supergraphAt(subgraphUrls),
    logging: false,
    ...(planner === 'rust' && { unifiedGraphHandler }),
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}
