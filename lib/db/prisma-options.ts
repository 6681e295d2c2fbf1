import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/**
 * A pg client that sends one query at a time. Prisma's query interpreter loads the relations of
 * an `include` concurrently. From a pool that is fine, but inside a transaction they all go to the
 * transaction's single connection, where pg 8 queues them with a DeprecationWarning and pg 9 will
 * refuse them (prisma/orm PR #29979, not merged). Chaining the calls is the "external async flow
 * control" pg asks for. Callback-style calls come from pg's own pool, which hands a client to one
 * caller at a time, so they pass straight through.
 */
class OneQueryAtATimeClient extends pg.Client {
  #previous: Promise<unknown> = Promise.resolve();

  // pg's `query` has a dozen overloads; this wrapper forwards whichever one was called.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const query = (pg.Client.prototype.query as (...a: unknown[]) => unknown).bind(this);
    if (typeof args.at(-1) === 'function' || typeof args[0]?.submit === 'function') return query(...args);
    const result = this.#previous.then(() => query(...args));
    this.#previous = result.catch(() => {});
    return result;
  }
}

/** Passed to a generated Prisma client's constructor; every subgraph's client takes it. */
export interface PrismaOptions {
  adapter: PrismaPg;
  log: [{ emit: 'event'; level: 'query' }];
  transactionOptions: { maxWait: number; timeout: number };
}

const MINUTE = 60_000;

/**
 * The driver adapter over a pool of at most `maxConnections` (the driver's default when unset),
 * query events (tests count them), and interactive-transaction limits. Prisma insists on limits
 * and defaults to 2 s to get a connection and 5 s for the whole transaction, which a slow or
 * busy machine exceeds. These are far beyond any transaction here: they only free a lock that a
 * hung request would otherwise hold for ever.
 */
export function prismaOptions(connectionString: string, maxConnections?: number): PrismaOptions {
  const pool = new pg.Pool({ connectionString, max: maxConnections, Client: OneQueryAtATimeClient });
  return {
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: [{ emit: 'event', level: 'query' }],
    transactionOptions: { maxWait: 5 * MINUTE, timeout: 5 * MINUTE },
  };
}
