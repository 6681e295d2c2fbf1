/** `npm run compose`: writes schema/supergraph.graphql. Exits non-zero, listing the problems, if composition fails. */
import { writeFileSync } from 'node:fs';
import { allSubgraphs } from '../subgraphs/index.ts';
import { SUPERGRAPH_FILE } from '../gateway/supergraph.ts';
import { composeSupergraph, CompositionError } from './compose-supergraph.ts';

try {
  writeFileSync(SUPERGRAPH_FILE, await composeSupergraph(allSubgraphs));
  console.log(`wrote ${SUPERGRAPH_FILE.replace(process.cwd() + '/', '')}`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  console.error(error.message);
  process.exit(1);
}
