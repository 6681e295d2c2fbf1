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

/** The subgraphs that keep records of their own, each in a database migrated from `prisma/<name>/`. */
export const SUBGRAPHS_WITH_DATABASE = allSubgraphs
  .filter((definition) => definition.createPrisma)
  .map((definition) => definition.name);
