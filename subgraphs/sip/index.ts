import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { sipJobs } from './jobs.ts';
import { sipSubgraph } from './subgraph.ts';

await runSubgraph(sipSubgraph, undefined, sipJobs);
