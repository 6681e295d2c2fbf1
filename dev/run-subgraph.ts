/**
 * One subgraph as its own process, with the demo data (unless SEED_DEMO_DATA=false): the demo
 * containers' entry point, `node --import tsx dev/run-subgraph.ts <name>`. A real deployment runs
 * `subgraphs/<name>/index.ts`, which writes no demo data.
 */
import { SUBGRAPH_NAMES, type SubgraphName } from '../policy/agencies.ts';
import { runSubgraph } from '../lib/subgraph/run-subgraph.ts';
import { allSubgraphs } from '../subgraphs/index.ts';
import { DEMO_DATA } from './demo/index.ts';
import { sipJobs } from '../subgraphs/sip/jobs.ts';

const name = process.argv[2] as SubgraphName;
if (!SUBGRAPH_NAMES.includes(name)) {
  console.error(`usage: node --import tsx dev/run-subgraph.ts <${SUBGRAPH_NAMES.join('|')}>`);
  process.exit(2);
}
await runSubgraph(
  allSubgraphs.find((definition) => definition.name === name)!,
  DEMO_DATA[name],
  name === 'sip' ? sipJobs : undefined,
);
