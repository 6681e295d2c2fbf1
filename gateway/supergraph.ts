import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUPERGRAPH_FILE = join(import.meta.dirname, '..', 'schema', 'supergraph.graphql');
/** The client-facing API schema, composed with it, for code generators and editors. */
export const API_SCHEMA_FILE = join(import.meta.dirname, '..', 'schema', 'api.graphql');

/** The committed supergraph, composed by `npm run compose`. */
export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
