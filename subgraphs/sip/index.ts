import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { sipJobs } from './consent-authority/audit/chain-anchor.ts';
import { sipSubgraph } from './subgraph.ts';

await runSubgraph(sipSubgraph, undefined, sipJobs);
