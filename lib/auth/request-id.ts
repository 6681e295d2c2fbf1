import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * One client request's id, the same in every service it reaches, so that its log lines and its
 * audit trail are one: the trace id of W3C trace context (`traceparent`, which routers and tracing
 * propagate), else `x-request-id` (which Hive Gateway sets by default), else a fresh one (the
 * router propagates neither, and each subgraph fetch is then a trail of its own).
 */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A request id as the graph writes them (a trace id, a router's x-request-id), and no longer. */
export const isRequestId = (value: unknown): value is string => typeof value === 'string' && REQUEST_ID.test(value);

export const REQUEST_ID_HEADER = 'x-request-id';

export function requestIdOf(headers: IncomingHttpHeaders): string {
  const trace = TRACEPARENT.exec(String(headers.traceparent ?? '').trim())?.[1];
  if (trace && !/^0+$/.test(trace)) return trace;
  const requestId = String(headers[REQUEST_ID_HEADER] ?? '').trim();
  return isRequestId(requestId) ? requestId : randomUUID();
}

/** A new trace (version 00, sampled) for a request that enters the graph: its trace id is the request id. */
export function newTraceparent(): { traceparent: string; traceId: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, traceId };
}
