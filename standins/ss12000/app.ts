import { setTimeout as sleep } from 'node:timers/promises';
import express, { Router, type Express } from 'express';
import { requireBearerToken } from './auth.ts';
import { answerErrors, notFound } from './errors.ts';
import { queryValues, type QueryValues } from './query-filters.ts';
import { serveResource, type AnswerLimits } from './resource-endpoints.ts';
import { absenceEndpoints } from './resources/absences.ts';
import { serveAggregatedAttendance } from './resources/aggregated-attendance.ts';
import { dutyEndpoints } from './resources/duties.ts';
import { groupEndpoints } from './resources/groups.ts';
import { organisationEndpoints } from './resources/organisations.ts';
import { personEndpoints } from './resources/persons.ts';
import { placementEndpoints } from './resources/placements.ts';
import type { Ss12000Store } from './store.ts';

/** The path of the standard's server URL (`http://some.server.se/v2.0` in its YAML). */
export const BASE_PATH = '/v2.0';

/** A request as the stand-in received it, for tests to count calls and check bodies. */
export interface RecordedRequest {
  method: string;
  /** Below the base path, without the query string, e.g. `/persons/lookup`. */
  path: string;
  query: QueryValues;
  body: unknown;
}

export interface Ss12000AppOptions extends AnswerLimits {
  token: string;
  store: Ss12000Store;
  /** Every request is appended here. */
  requests: RecordedRequest[];
  /** Milliseconds to wait before answering, read per request. */
  responseDelayMs: () => number;
  /** Aborts the waits when the stand-in stops. */
  stopping: AbortSignal;
}

/** The stand-in's routes: record, wait if asked to, authenticate, serve, answer errors in the standard's shape. */
export function createSs12000App(options: Ss12000AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const api = Router();
  api.use(async (req, res, next) => {
    const delay = options.responseDelayMs();
    if (delay > 0) {
      const waited = await sleep(delay, true, { signal: options.stopping, ref: false }).catch(() => false);
      if (!waited || res.destroyed) return;
    }
    next();
  });
  api.use(express.json({ limit: '1mb' }));
  api.use((req, _res, next) => {
    options.requests.push({ method: req.method, path: req.path, query: queryValues(req.query), body: req.body });
    next();
  });
  api.use(requireBearerToken(options.token));
  const limits: AnswerLimits = { maxPageSize: options.maxPageSize, maxLookupSize: options.maxLookupSize };
  serveResource(api, organisationEndpoints(options.store), limits);
  serveResource(api, personEndpoints(options.store), limits);
  serveResource(api, placementEndpoints(options.store), limits);
  serveResource(api, groupEndpoints(options.store), limits);
  serveResource(api, dutyEndpoints(options.store), limits);
  serveResource(api, absenceEndpoints(options.store), limits);
  serveAggregatedAttendance(api, options.store, limits);
  api.use(notFound);
  app.use(BASE_PATH, api);
  app.use(notFound);
  app.use(answerErrors);
  return app;
}
