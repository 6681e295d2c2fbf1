import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/** An instant as ISO 8601 in UTC (e.g. 2026-11-23T10:00:00.000Z). Every subgraph uses this one. */
export const DateTime = new GraphQLScalarType({ ...GraphQLDateTimeISO.toConfig(), name: 'DateTime' });

/** Every custom scalar of the graph, by name, as the subgraphs parse it; the gateway parses the same way. */
export const STRICT_SCALARS: Record<string, GraphQLScalarType> = { DateTime, LocalDate: GraphQLLocalDate };
