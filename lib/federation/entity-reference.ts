/**
 * `__resolveReference` for an entity a subgraph extends but does not own (e.g. an agency's
 * `Child`): the representation (its key, and any fields the subgraph `@requires`) is all it
 * knows, and its own field resolvers load the rest. Returns a class instance so type-graphql's
 * field resolvers see the type they expect.
 */
export function entityReference<T extends object>(EntityClass: new () => T) {
  return ({ __typename, ...representation }: { __typename?: string } & Partial<T>): T =>
    Object.assign(new EntityClass(), representation);
}
