import type { RequestHandler } from 'express';
import pLimit from 'p-limit';

/**
 * At most `max` GraphQL requests are executed at once; the rest wait in arrival order. Every
 * request in execution then gets a fair share of the machine, so its consent decisions arrive
 * within the subgraphs' timeout even under a burst, instead of every request starting at once and
 * all of them waiting so long that guarded fields are withheld as unavailable (npm run bench).
 */
export function admission(max: number): RequestHandler {
  const limit = pLimit(max);
  return (_req, res, next) => {
    void limit(
      () =>
        new Promise<void>((done) => {
          // The slot is held until the response has been sent, or the client has gone.
          res.once('close', () => done());
          next();
        }),
    );
  };
}
