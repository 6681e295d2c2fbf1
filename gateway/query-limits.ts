import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { asksForSchema, INTROSPECTION_MAX_DEPTH } from '../lib/server/introspection.ts';

export interface QueryLimits {
  /** The deepest nesting of fields an operation may have. */
  maxDepth: number;
  /** How many fields an operation may select in all, counting every alias and every fragment use. */
  maxFields: number;
  /** How many aliases an operation may use. */
  maxAliases: number;
  /** How many directives an operation may use. */
  maxDirectives: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxFields: 2_000, maxAliases: 100, maxDirectives: 50 };

const limitError = (limit: keyof QueryLimits, max: number, message: string) =>
  new GraphQLError(message, { extensions: { limit, max } });

function countFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
  max: number,
): number {
  let fields = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields += 1 + (selection.selectionSet ? countFields(selection.selectionSet, fragments, visiting, max) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields += countFields(selection.selectionSet, fragments, visiting, max);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A cycle or an unknown fragment is reported by graphql's own rules.
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      fields += countFields(fragment.selectionSet, fragments, visiting, max);
      visiting.delete(fragment.name.value);
    }
    // Stop early: a hostile document must not cost more to measure than the limit allows.
    if (fields > max) break;
  }
  return fields;
}

/**
 * Counts every field an operation selects, each alias and each use of a fragment again. No
 * maintained rule counts this way: graphql-armor's cost limit multiplies by a literal `first`
 * but not by one passed as a variable, so it would cost the same query two ways.
 */
function maxFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
    return {
      OperationDefinition(operation) {
        if (countFields(operation.selectionSet, fragments, new Set(), max) > max) {
          context.reportError(limitError('maxFields', max, `The operation selects more than ${max} fields`));
        }
      },
    };
  };
}

/**
 * Validation rules that refuse operations deeper, wider or with more aliases or directives than
 * the limits, before any subgraph is asked, so a client cannot make the graph (and the consent
 * lookups behind it) do unbounded work. Depth, aliases and directives are graphql-armor's rules;
 * every refusal is GRAPHQL_VALIDATION_FAILED with `limit` and `max` in its extensions.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const refuse = (limit: keyof QueryLimits, max = limits[limit]) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(limit, max, error.message.replace(/^Syntax Error: /, ''))),
    ],
  });
  const introspectionDepth = Math.max(limits.maxDepth, INTROSPECTION_MAX_DEPTH);
  const schemaDepthRule = maxDepthRule({
    n: introspectionDepth,
    flattenFragments: true,
    ignoreIntrospection: false,
    ...refuse('maxDepth', introspectionDepth),
  });
  return [
    // First, so that an operation over several limits names this one first.
    maxFieldsRule(limits.maxFields),
    // Data to the configured depth; the schema (introspection, which costs no subgraph a thing) to
    // the depth the standard introspection query needs, and no deeper.
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...refuse('maxDepth') }),
    (context) => (asksForSchema(context.getDocument()) ? schemaDepthRule(context) : {}),
    maxAliasesRule({ n: limits.maxAliases, ...refuse('maxAliases') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuse('maxDirectives') }),
  ];
}
