/**
 * `__resolveReference` for an entity a subgraph extends but does not own (e.g. an agency's
 * `Child`): the key is all it knows, and its own field resolvers load the rest. Returns a class
 * instance so type-graphql's field resolvers see the type they expect.
 */
export function referenceById<T extends { id: string }>(EntityClass: new () => T) {
  return (reference: { id: string }): T => Object.assign(new EntityClass(), { id: reference.id });
}
