import type { AuthorityContext } from '../context.ts';
import { assertMaySeeChild } from '../access.ts';
import { toChild } from './child.mapper.ts';

/**
 * Resolves a `Child` that another subgraph refers to by id, under the same rule as `child(id:)`:
 * a family member resolves only their own family's children. Unknown ids resolve to null.
 */
export async function resolveChildReference(reference: { id: string }, context: AuthorityContext) {
  await assertMaySeeChild(context, reference.id);
  const row = await context.loaders.childById.load(reference.id);
  return row && toChild(row);
}
