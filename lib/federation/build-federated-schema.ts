import 'reflect-metadata';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, print, type GraphQLSchema } from 'graphql';
import { SubgraphShapeError } from './subgraph-shape-error.ts';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import type { Agency } from '../../policy/agencies.ts';
import { CONSENT_DIRECTIVE_SDL, CONSENT_LINK } from '../consent/consent.directive.ts';
import { describeGuardedFields } from '../consent/describe-guarded-fields.ts';
import { guardConsentFields } from '../consent/guard-consent-fields.ts';

/** The federation 2 directives our subgraphs use. */
const FEDERATION_LINK =
  '@link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", ' +
  '"@composeDirective"])';

export interface FederatedSchemaOptions {
  resolvers: NonNullable<BuildSchemaOptions['resolvers']>;
  /** Entities this subgraph only extends (e.g. an agency's `Child`), which no root field reaches. */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` per entity type, merged into the generated resolver map. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

export interface EnforcementOptions {
  /** The agency whose staff read this subgraph's guarded fields without consent; null for the SIP core. */
  ownerAgency: Agency | null;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition sees it (with the federation header). */
  sdl: string;
}

/**
 * Builds a type-graphql schema and turns it into a federation 2 subgraph: the SDL is printed
 * with its directives behind the `@link` header (federation, and the consent directives), each
 * guarded field's description says what it needs, and it is handed, with the resolvers, to
 * `buildSubgraphSchema`, which adds `_entities` and `_service`. With `enforcement`, the consent
 * guard wraps the resolvers first (composition builds without it: it only reads the SDL).
 */
export async function buildFederatedSchema(
  subgraph: string,
  options: FederatedSchemaOptions,
  enforcement?: EnforcementOptions,
): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validate: false,
  }).catch((error: Error) => {
    // GraphQL requires a Query type with a field; type-graphql says so in a stack of its own.
    if (/Type Query must define one or more fields/.test(JSON.stringify(error) + error.message))
      throw new SubgraphShapeError(
        `the ${subgraph} subgraph has no root query: give one of its resolvers an @Query, for its own staff ` +
          '(e.g. health care’s careContactsAtUnit)',
      );
    throw error;
  });
  const header = `extend schema\n  ${FEDERATION_LINK}\n  ${CONSENT_LINK}\n${CONSENT_DIRECTIVE_SDL}`;
  const typeDefs = describeGuardedFields(parse(`${header}\n${printSchemaWithDirectives(typeGraphQLSchema)}`));
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(reference as object) };
  }
  if (enforcement) guardConsentFields(typeDefs, resolvers, enforcement.ownerAgency);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema, sdl: print(typeDefs) };
}
