import {
  GraphQLError,
  isScalarType,
  Kind,
  type ASTNode,
  type GraphQLSchema,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { STRICT_SCALARS } from '../lib/scalars.ts';
import { BadUserInputError } from '../lib/errors.ts';

/**
 * The supergraph knows the custom scalars only by name, so the gateway would pass "yesterday" as a
 * DateTime on to a subgraph, which refuses the whole fetch. With the subgraphs' own parsers the
 * gateway refuses it itself, before any subgraph is asked.
 */
export function parseScalarsStrictly(schema: GraphQLSchema): void {
  for (const [name, strict] of Object.entries(STRICT_SCALARS)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) continue;
    type.parseValue = strict.parseValue;
    type.parseLiteral = strict.parseLiteral;
  }
}

/** Each value node of an argument, with the argument's dotted path to it (`input.validFrom`, `scopes.1`). */
const argumentPaths = new WeakMap<ASTNode, string>();

function rememberPaths(value: ValueNode, path: string): void {
  argumentPaths.set(value, path);
  if (value.kind === Kind.OBJECT)
    for (const field of value.fields) rememberPaths(field.value, `${path}.${field.name.value}`);
  if (value.kind === Kind.LIST) value.values.forEach((item, i) => rememberPaths(item, `${path}.${i}`));
}

/** Reports nothing: notes where each argument value sits, so that a refused value can be named. */
export const argumentPathsRule: ValidationRule = () => ({
  Argument(argument) {
    rememberPaths(argument.value, argument.name.value);
  },
});

/**
 * A value graphql's own validation refused (not a date, not one of an enum's values, a missing
 * input field), in the query or in a variable, is the user's input: BAD_USER_INPUT, naming the
 * argument's field (or the variable) and the reason, like every other input error of the graph.
 */
export function asUserInputError(error: unknown): GraphQLError | null {
  if (!(error instanceof GraphQLError)) return null;
  // A variable's value that does not fit its type: Apollo Server calls it BAD_USER_INPUT, naming no field.
  const field =
    /^Variable "(\$\w+)" got invalid value/.exec(error.message)?.[1] ??
    error.nodes?.map((node) => argumentPaths.get(node)).find(Boolean);
  return field ? new BadUserInputError(field, error.message) : null;
}
