/** `npm run compose`: writes schema/supergraph.graphql. Exits non-zero, listing the problems, if composition fails. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSubgraphs } from '../subgraphs/index.ts';
import { composeSupergraph, CompositionError } from './compose-supergraph.ts';

export const SUPERGRAPH_FILE = join(import.meta.dirname, 'supergraph.graphql');

try {
  writeFileSync(SUPERGRAPH_FILE, await composeSupergraph(allSubgraphs));
  console.log(`wrote ${SUPERGRAPH_FILE.replace(process.cwd() + '/', '')}`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  console.error(error.message);
  process.exit(1);
}
