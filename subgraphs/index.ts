import type { AnySubgraphDefinition } from '../lib/subgraph/subgraph-definition.ts';
import { healthSubgraph } from './health/subgraph.ts';
import { schoolSubgraph } from './school/subgraph.ts';
import { sipSubgraph } from './sip/subgraph.ts';
import { socialSubgraph } from './social/subgraph.ts';

/** Every subgraph of the graph, SIP core first. */
export const allSubgraphs = [
  sipSubgraph,
  schoolSubgraph,
  socialSubgraph,
  healthSubgraph,
] as unknown as AnySubgraphDefinition[];
