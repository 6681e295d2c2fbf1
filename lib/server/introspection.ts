import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors.ts';
import { isFamily, type Requester } from '../../policy/roles.ts';

/**
 * Who may read the schema through the gateway (`__schema`, `__type`): `staff` (agency staff and
 * privacy officers; the default, for GraphiQL's docs and code generators), `everyone` signed in
 * (guardians and children too), or `off` (a production deployment that publishes
 * schema/api.graphql instead). `__typename` is always allowed.
 */
export const INTROSPECTION_ACCESS = ['staff', 'everyone', 'off'] as const;
export type IntrospectionAccess = (typeof INTROSPECTION_ACCESS)[number];

/**
 * How deep an introspection may nest. The standard introspection query (GraphiQL's, code
 * generators') nests 15 levels through `ofType`; the depth limit for data stays as configured.
 */
export const INTROSPECTION_MAX_DEPTH = 20;

// A subgraph's `_service { sdl }` is its whole schema too.
const SCHEMA_FIELDS = new Set(['__schema', '__type', '_service']);

/** Whether an operation reads the schema (`__schema`, `__type`, `_service`) anywhere, fragments included. */
export const asksForSchema = (document: DocumentNode) => {
  let asks = false;
  visit(document, {
    Field(field) {
      if (SCHEMA_FIELDS.has(field.name.value)) {
        asks = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return asks;
};

const mayIntrospect = (access: IntrospectionAccess, requester: Requester) =>
  access === 'everyone' || (access === 'staff' && !isFamily(requester));

/** Refuses an operation that reads the schema to a requester the setting does not allow. */
export function introspectionAccessPlugin(access: IntrospectionAccess): ApolloServerPlugin<{ requester: Requester }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!asksForSchema(document) || mayIntrospect(access, contextValue.requester)) return;
          throw new GraphQLError(
            access === 'off'
              ? 'Forbidden: this graph does not answer introspection; use its published schema (schema/api.graphql)'
              : 'Forbidden: introspection is for staff here; use the published schema (schema/api.graphql)',
            // A refusal, answered 403: thrown from a plugin, it would otherwise be a 500.
            {
              extensions: {
                code: ErrorCode.Forbidden,
                reason: 'introspection is not allowed for this requester',
                http: { status: 403 },
              },
            },
          );
        },
      };
    },
  };
}
