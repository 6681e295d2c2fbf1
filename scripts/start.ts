/**
 * `npm start`: the whole graph in one process. Each subgraph gets its own embedded PostgreSQL
 * under .data/ (or the server named by <NAME>_DATABASE_URL), migrated and seeded with demo data.
 */
import { readDatabaseLocation, readPort } from '../lib/config.ts';
import { stopOnSignals } from '../lib/server/graceful-close.ts';
import { exitWithStartupError } from '../lib/server/startup-error.ts';
import { startGraph } from './start-graph.ts';

try {
  const graph = await startGraph({
    database: (name) => readDatabaseLocation(name),
    port: (service) => readPort(service),
    host: process.env.HOST || '127.0.0.1',
    seed: process.env.SEED_DEMO_DATA !== 'false',
  });
  for (const subgraph of Object.values(graph.subgraphs)) console.log(`  ${subgraph.name.padEnd(7)} subgraph  ${subgraph.url}`);
  console.log(`\nSIP graph ready: ${graph.gateway.url}`);
  console.log(`GraphiQL (works offline): open ${graph.gateway.url} in a browser`);
  stopOnSignals(graph.stop);
} catch (error) {
  exitWithStartupError(error);
}
