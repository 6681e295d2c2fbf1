import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { schoolSubgraph } from './subgraph.ts';

await runSubgraph(schoolSubgraph);
