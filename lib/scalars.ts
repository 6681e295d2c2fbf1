import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/** An instant as ISO 8601 in UTC (e.g. 2026-11-23T10:00:00.000Z). Every subgraph uses this one. */
export const DateTime = new GraphQLScalarType({ ...GraphQLDateTimeISO.toConfig(), name: 'DateTime' });
