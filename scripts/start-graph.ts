import { startGateway, type RunningGateway } from '../gateway/start-gateway.ts';
import { readSupergraph } from '../gateway/supergraph.ts';
import type { Clock } from '../lib/clock.ts';
import type { SubgraphName } from '../lib/config.ts';
import type { DatabaseLocation } from '../lib/db/database.ts';
import { startSubgraph, type RunningSubgraph } from '../lib/subgraph/start-subgraph.ts';
import type { SubgraphPrisma } from '../lib/subgraph/subgraph-definition.ts';
import { allSubgraphs } from '../subgraphs/index.ts';

export interface StartGraphOptions {
  database: (name: SubgraphName) => DatabaseLocation;
  port: (service: SubgraphName | 'gateway') => number;
  host?: string;
  seed?: boolean;
  clock?: Clock;
  log?: (message: string) => void;
  supergraphSdl?: string;
}

export interface RunningGraph {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph<SubgraphPrisma>>;
  stop(): Promise<void>;
}

/** The four subgraphs and the gateway in one process: `npm start`, and every integration test. */
export async function startGraph(options: StartGraphOptions): Promise<RunningGraph> {
  const started: RunningSubgraph<SubgraphPrisma>[] = [];
  const stopSubgraphs = () => Promise.all(started.map((subgraph) => subgraph.stop())).then(() => {});
  try {
    // Started together: each waits mostly on its own database. If one fails, the others are stopped.
    const results = await Promise.allSettled(
      allSubgraphs.map(async (definition) => {
        const subgraph = await startSubgraph(definition, {
          database: options.database(definition.name),
          port: options.port(definition.name),
          host: options.host,
          seed: options.seed,
          clock: options.clock,
          log: options.log && ((message) => options.log!(`[${definition.name}] ${message}`)),
        });
        started.push(subgraph);
        return subgraph;
      }),
    );
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const subgraphs = Object.fromEntries(started.map((subgraph) => [subgraph.name, subgraph])) as RunningGraph['subgraphs'];
    const gateway = await startGateway({
      supergraphSdl: options.supergraphSdl ?? readSupergraph(),
      subgraphUrls: Object.fromEntries(started.map((subgraph) => [subgraph.name, subgraph.url])),
      port: options.port('gateway'),
      host: options.host,
      log: options.log && ((message) => options.log!(`[gateway] ${message}`)),
    });
    return {
      gateway,
      subgraphs,
      stop: async () => {
        await gateway.stop();
        await stopSubgraphs();
      },
    };
  } catch (error) {
    await stopSubgraphs();
    throw error;
  }
}
