import type { ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.ts';

/** A request the HTTP layer refuses before GraphQL sees it; answered as a GraphQL error body. */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function sendGraphQLError(res: ServerResponse, error: HttpRequestError): void {
  sendJson(
    res,
    error.status,
    { errors: [{ message: error.message, extensions: { code: error.code } }] },
    error.headers,
  );
}

export const internalServerError = () =>
  new HttpRequestError(500, ErrorCode.InternalServerError, 'Internal server error');
