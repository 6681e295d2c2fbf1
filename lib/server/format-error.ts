import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';

/**
 * Keeps deliberate GraphQL errors as they are and hides everything else behind a generic
 * INTERNAL_SERVER_ERROR, so a database message or stack never reaches a client. The original is logged.
 */
export function formatError(log: (message: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError || formatted.extensions?.code !== ErrorCode.InternalServerError) {
      return formatted;
    }
    log('unexpected error while resolving', original);
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}
