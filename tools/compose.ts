/**
 * `npm run compose`: writes schema/supergraph.graphql and schema/api.graphql. Exits non-zero,
 * listing the problems, if composition fails.
 */
import { writeFileSync } from 'node:fs';
import { allSubgraphs } from '../subgraphs/index.ts';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE } from '../gateway/supergraph.ts';
import { composeSupergraph, CompositionError } from './compose-supergraph.ts';
import { SubgraphShapeError } from '../lib/federation/subgraph-shape-error.ts';

try {
  const { supergraph, api } = await composeSupergraph(allSubgraphs);
  for (const [file, text] of [
    [SUPERGRAPH_FILE, supergraph],
    [API_SCHEMA_FILE, api],
  ]) {
    writeFileSync(file, text);
    console.log(`wrote ${file.replace(process.cwd() + '/', '')}`);
  }
} catch (error) {
  if (!(error instanceof CompositionError || error instanceof SubgraphShapeError)) throw error;
  console.error(error.message);
  process.exit(1);
}
