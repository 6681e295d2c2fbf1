import type { SipContext } from './context.ts';
import { toChild } from './child.mapper.ts';

/** Resolves a `Child` that another subgraph refers to by id. Unknown ids resolve to null. */
export async function resolveChildReference(reference: { id: string }, context: SipContext) {
  const row = await context.loaders.childById.load(reference.id);
  return row && toChild(row);
}
