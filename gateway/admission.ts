import type { RequestHandler, Response } from 'express';
import { ErrorCode } from '../lib/errors.ts';
import { HttpRequestError, sendGraphQLError } from '../lib/server/http-errors.ts';

export interface AdmissionLimits {
  /** How many GraphQL requests execute at once. */
  maxConcurrent: number;
  /** How many more may wait their turn; past that a request is refused with 503 and Retry-After. */
  maxQueued: number;
}

export interface AdmissionState {
  executing: number;
  queued: number;
  /** How long the request that has waited longest has waited, in ms (0 when none waits). */
  longestWaitMs: number;
}

export interface Admission {
  handler: RequestHandler;
  state(): AdmissionState;
}

/** Seconds a refused client is asked to wait before it tries again. */
const RETRY_AFTER_SECONDS = 2;

// Not the request's `destroyed`: a request is destroyed as soon as its body has been read.
const gone = (res: Response) => res.closed || !res.socket || res.socket.destroyed;

/**
 * At most `maxConcurrent` GraphQL requests execute at once; up to `maxQueued` more wait in arrival
 * order, and the rest are refused at once (503, Retry-After) rather than queued without bound. Every
 * request in execution then gets a fair share of the machine, so its consent decisions arrive within
 * the subgraphs' timeout under a burst (npm run bench). It is mounted after the body has been read
 * and the token checked, so a client that never finishes its request, or has no valid token, holds
 * no place. A place is returned when the response has been sent or the client has gone, and a
 * client that goes while it waits leaves the queue.
 */
export function admission({ maxConcurrent, maxQueued }: AdmissionLimits, now = () => Date.now()): Admission {
  let executing = 0;
  const queue: Array<{ start: () => void; since: number }> = [];

  const startNext = () => {
    while (executing < maxConcurrent && queue.length > 0) queue.shift()!.start();
  };

  const execute = (res: Response, next: () => void) => {
    if (gone(res)) return;
    executing++;
    let released = false;
    res.once('close', () => {
      if (released) return;
      released = true;
      executing--;
      startNext();
    });
    next();
  };

  const handler: RequestHandler = (_req, res, next) => {
    if (executing < maxConcurrent && queue.length === 0) return execute(res, next);
    if (queue.length >= maxQueued) {
      return sendGraphQLError(
        res,
        new HttpRequestError(
          503,
          ErrorCode.ServiceUnavailable,
          'Service unavailable: the graph is answering as many requests as it can; try again shortly',
          { 'retry-after': String(RETRY_AFTER_SECONDS) },
        ),
      );
    }
    const waiting = { start: () => execute(res, next), since: now() };
    queue.push(waiting);
    res.once('close', () => {
      const at = queue.indexOf(waiting);
      if (at >= 0) queue.splice(at, 1);
    });
  };

  return {
    handler,
    state: () => ({
      executing,
      queued: queue.length,
      longestWaitMs: queue.length > 0 ? now() - queue[0].since : 0,
    }),
  };
}
