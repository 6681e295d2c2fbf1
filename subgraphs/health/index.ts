import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { healthSubgraph } from './subgraph.ts';

await runSubgraph(healthSubgraph);
