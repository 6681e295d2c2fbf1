import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Ss12000ErrorBody } from '../../subgraphs/school/ss12000/resources.ts';

/**
 * The codes this stand-in answers with, in the standard's error body `{ code, message }`. SS 12000
 * leaves the codes to each source ("varje källa bestämmer själv över möjliga felkoder"); these
 * name the standard's responses they stand for.
 */
export const Ss12000ErrorCode = {
  /** 401: no bearer token. */
  MissingToken: 'missing_token',
  /** 401: a bearer token other than the one the stand-in was started with. */
  InvalidToken: 'invalid_token',
  /** 400: a query parameter that is unknown, unsupported here, repeated or of the wrong form. */
  InvalidParameter: 'invalid_parameter',
  /** 400 (`400_invalid_filter`): filters combined with `pageToken`. */
  InvalidFilter: 'invalid_filter',
  /** 400: a `pageToken` this server did not give out for this endpoint. */
  InvalidPageToken: 'invalid_page_token',
  /** 400 (`400_invalid_id`): an id in the path that is no UUID. */
  InvalidId: 'invalid_id',
  /** 400: a request body that is not the lookup object the endpoint takes. */
  InvalidBody: 'invalid_body',
  /** 404 (`404_not_found`). */
  NotFound: 'not_found',
  /** 503 (`503_overload`): a lookup naming more entities than the server answers in one response. */
  Overload: 'overload',
  InternalError: 'internal_error',
} as const;
export type Ss12000ErrorCode = (typeof Ss12000ErrorCode)[keyof typeof Ss12000ErrorCode];

/** Thrown by the stand-in's handlers; the error handler answers it in the standard's shape. */
export class Ss12000HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: Ss12000ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const badParameter = (message: string) => new Ss12000HttpError(400, Ss12000ErrorCode.InvalidParameter, message);

export const notFound: RequestHandler = (req) => {
  throw new Ss12000HttpError(404, Ss12000ErrorCode.NotFound, `No resource at ${req.method} ${req.path}`);
};

/** Every failure as `{ code, message }`; express.json()'s refusals (malformed, too large …) become `invalid_body`. */
export const answerErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const { type, status } = error as { type?: unknown; status?: unknown };
  const unreadableBody = typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
  const known =
    error instanceof Ss12000HttpError
      ? error
      : unreadableBody
        ? new Ss12000HttpError(
            status,
            Ss12000ErrorCode.InvalidBody,
            type === 'entity.parse.failed'
              ? 'The request body is not valid JSON'
              : 'The request body could not be read',
          )
        : new Ss12000HttpError(500, Ss12000ErrorCode.InternalError, 'The stand-in failed to answer');
  const body: Ss12000ErrorBody = { code: known.code, message: known.message };
  res.status(known.status).json(body);
};
