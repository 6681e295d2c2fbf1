import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { ErrorCode } from '../errors.ts';
import { HttpRequestError, internalServerError, sendGraphQLError } from './http-errors.ts';
import type { Logger } from './logger.ts';

/** Requests served per path since start; benchmarks and tests read it (e.g. consent lookups). */
export type RequestCounts = Map<string, number>;

export interface HttpApp {
  app: Express;
  server: Server;
  requestCounts: RequestCounts;
}

/** Bodies are JSON, at most 1 MB. */
export const jsonBody = express.json({ limit: '1mb' });

/**
 * An Express app with one log line per request: the request id and the requester once known
 * (`res.locals.requestId`, `res.locals.requester`), method, path (never the query string, which
 * may hold personal data), status and duration. Headers, tokens and bodies are not logged.
 */
export function createHttpApp(logger: Logger, { requestTimeoutMs }: { requestTimeoutMs?: number } = {}): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  const requestCounts: RequestCounts = new Map();
  app.use((req, _res, next) => {
    requestCounts.set(req.path, (requestCounts.get(req.path) ?? 0) + 1);
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: () => randomUUID(),
      customProps: (_req, res) => {
        const { requestId, requester } = (res as express.Response).locals ?? {};
        return { requestId, requester };
      },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (req, res) => `${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`,
    }),
  );
  // Node's defaults let a client take five minutes over a request, checked every 30 s.
  const server = requestTimeoutMs
    ? createServer(
        {
          requestTimeout: requestTimeoutMs,
          headersTimeout: Math.min(requestTimeoutMs, 10_000),
          connectionsCheckingInterval: Math.min(requestTimeoutMs, 1_000),
        },
        app,
      )
    : createServer(app);
  return { app, server, requestCounts };
}

/** Unknown paths, bodies that are not JSON, and unexpected failures: GraphQL-shaped error bodies, never a stack. */
export function finishHttpApp(app: Express, logger: Logger): void {
  app.use((req, res) => {
    sendGraphQLError(
      res,
      new HttpRequestError(404, ErrorCode.NotFound, `No route ${req.path}; GraphQL is served at /graphql`),
    );
  });
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    if (res.headersSent) return void res.end();
    if (error instanceof HttpRequestError) return sendGraphQLError(res, error);
    if (error?.type === 'entity.parse.failed') {
      return sendGraphQLError(
        res,
        new HttpRequestError(400, ErrorCode.BadRequest, `Request body is not valid JSON: ${error.message}`),
      );
    }
    // A client that went away, or was cut off by the request timeout, before its body arrived: nobody to answer.
    if (error?.type === 'request.aborted') return void res.end();
    if (error?.type === 'entity.too.large') {
      return sendGraphQLError(res, new HttpRequestError(413, ErrorCode.BadRequest, 'Request body is larger than 1 MB'));
    }
    logger.error({ err: error }, 'request failed');
    sendGraphQLError(res, internalServerError());
  };
  app.use(onError);
}
