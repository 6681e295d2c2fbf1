import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.ts';
import { sendJson } from './graphql-http-handler.ts';

export type Route = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/** Requests served per path since start; benchmarks and tests read it (e.g. consent lookups). */
export type RequestCounts = Map<string, number>;

/** An HTTP server whose unexpected failures answer a GraphQL-shaped 500 and are logged, never crash the process. */
export function createHttpServer(
  route: Route,
  log: (message: string) => void,
  requestCounts: RequestCounts = new Map(),
): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requestCounts.set(path, (requestCounts.get(path) ?? 0) + 1);
    route(req, res, path).catch((error) => {
      log(`request failed: ${error?.stack ?? error}`);
      if (res.headersSent) return res.end();
      sendJson(res, 500, {
        errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.InternalServerError } }],
      });
    });
  });
}

export function sendNotFound(res: ServerResponse, path: string): void {
  sendJson(res, 404, {
    errors: [{ message: `No route ${path}; GraphQL is served at /graphql`, extensions: { code: ErrorCode.NotFound } }],
  });
}
