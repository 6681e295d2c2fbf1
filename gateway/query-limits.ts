import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  /** The deepest nesting of fields an operation may have. */
  maxDepth: number;
  /** How many fields an operation may select in all, counting every alias and every fragment use. */
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxFields: 2_000 };

interface Measure {
  depth: number;
  fields: number;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
  limits: QueryLimits,
): Measure {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure | undefined;
    if (selection.kind === Kind.FIELD) {
      fields += 1;
      inner = selection.selectionSet
        ? measure(selection.selectionSet, fragments, visiting, limits)
        : { depth: 0, fields: 0 };
      inner = { depth: inner.depth + 1, fields: inner.fields };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, visiting, limits);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A cycle or an unknown fragment is reported by graphql's own rules.
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      inner = measure(fragment.selectionSet, fragments, visiting, limits);
      visiting.delete(fragment.name.value);
    }
    depth = Math.max(depth, inner.depth);
    fields += inner.fields;
    // Stop early: a hostile document must not cost more to measure than the limit allows.
    if (fields > limits.maxFields) break;
  }
  return { depth, fields };
}

/**
 * A validation rule that refuses operations deeper or wider than the limits before any subgraph is
 * asked, so a client cannot make the graph (and the consent lookups behind it) do unbounded work.
 * The error is GRAPHQL_VALIDATION_FAILED with `limit` and `max` in its extensions.
 */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
    return {
      OperationDefinition(operation) {
        const { depth, fields } = measure(operation.selectionSet, fragments, new Set(), limits);
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`The operation nests ${depth} levels deep; at most ${limits.maxDepth} are allowed`, {
              nodes: [operation],
              extensions: { limit: 'maxDepth', max: limits.maxDepth },
            }),
          );
        }
        if (fields > limits.maxFields) {
          context.reportError(
            new GraphQLError(`The operation selects more than ${limits.maxFields} fields`, {
              nodes: [operation],
              extensions: { limit: 'maxFields', max: limits.maxFields },
            }),
          );
        }
      },
    };
  };
}
