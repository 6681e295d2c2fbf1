/**
 * Hive Gateway as a process of its own, over the subgraphs in BENCH_SUBGRAPH_URLS (JSON, by name):
 * `node --import tsx bench/deployed/hive-service.ts <javascript|rust>`; prints `ready at <url>`.
 */
import { startHiveGateway, type HivePlanner } from './hive-gateway.ts';

const gateway = await startHiveGateway(
  JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}'),
  process.argv[2] as HivePlanner,
);
console.log(`ready at ${gateway.url}`);
const stop = () => void gateway.stop().then(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
