import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { sipSubgraph } from './subgraph.ts';

await runSubgraph(sipSubgraph);
