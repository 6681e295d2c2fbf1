import { GraphQLError } from 'graphql';

/** Every `extensions.code` this graph answers with. Clients match on these, never on message text. */
export const ErrorCode = {
  BadRequest: 'BAD_REQUEST',
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  ConsentRequired: 'CONSENT_REQUIRED',
  ConsentUnavailable: 'CONSENT_UNAVAILABLE',
  RecordsLeftOut: 'RECORDS_LEFT_OUT',
  NotFound: 'NOT_FOUND',
  /** The gateway is full (503, Retry-After) or a subgraph did not answer. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** The agency's own system (its FHIR server, its SS 12000 API, its case system) did not answer as it should. */
  SourceUnavailable: 'SOURCE_UNAVAILABLE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Input that fails validation. Names the input field (dotted path) and the reason. */
export class BadUserInputError extends GraphQLError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid value for ${field}: ${reason}`, { extensions: { code: ErrorCode.BadUserInput, field, reason } });
  }
}

/** The requester is known but may not do this (e.g. a guardian reading another family's child). */
export class ForbiddenError extends GraphQLError {
  constructor(reason: string, field?: string) {
    super(`Forbidden: ${reason}`, { extensions: { code: ErrorCode.Forbidden, reason, ...(field && { field }) } });
  }
}

/** The requester has done this as often as the policy allows for now; they may try again later. */
export class TooManyRequestsError extends GraphQLError {
  constructor(reason: string) {
    super(`Too many requests: ${reason}`, { extensions: { code: ErrorCode.TooManyRequests, reason } });
  }
}
