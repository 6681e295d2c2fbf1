import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { socialSubgraph } from './subgraph.ts';

await runSubgraph(socialSubgraph);
