import type { Clock } from '../clock.ts';

/**
 * One bounded piece of a subgraph's fictional demo data, written in one transaction. `now` is the
 * instant the demo is dated around: the same for every step of a database, even when a start was
 * killed half-way and the next start, days later, writes the rest.
 */
export interface DemoDataStep<TTransaction> {
  name: string;
  write(tx: TTransaction, now: Date): Promise<unknown>;
}

/** What the runner needs of a generated Prisma client. */
export interface DemoDataPrisma {
  $transaction<R>(work: (tx: DemoDataTransaction) => Promise<R>): Promise<R>;
}

interface DemoDataTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

// Beside Prisma's `_prisma_migrations`, and like it outside the Prisma schema.
const BOOKKEEPING_TABLE = `
  CREATE TABLE IF NOT EXISTS "_demo_data" (
    "step" TEXT PRIMARY KEY,
    "anchored_at" TIMESTAMPTZ NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  )`;

// Serialises replicas that seed one database at the same time.
const DEMO_DATA_LOCK_KEY = 72_707_370;

const lock = (tx: DemoDataTransaction) => tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', DEMO_DATA_LOCK_KEY);

/** True when no table of the application (any but the bookkeeping tables, `_…`) has a row. */
async function holdsNoData(tx: DemoDataTransaction): Promise<boolean> {
  const tables = await tx.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND left(table_name, 1) <> '_'`,
  );
  if (tables.length === 0) return true;
  const [{ any }] = await tx.$queryRawUnsafe<Array<{ any: boolean }>>(
    `SELECT ${tables.map(({ name }) => `EXISTS (SELECT 1 FROM "${name.replaceAll('"', '""')}")`).join(' OR ')} AS any`,
  );
  return !any;
}

/**
 * Writes the demo data steps this database has not had yet, each in its own transaction together
 * with its bookkeeping row, so a start killed mid-seed leaves whole steps only and the next start
 * writes the rest; nothing is written twice. A database that already holds other data gets none.
 * Returns the names of the steps written.
 */
export async function writeDemoData(
  prisma: DemoDataPrisma,
  steps: ReadonlyArray<DemoDataStep<never>>,
  clock: Clock,
): Promise<string[]> {
  const start = await prisma.$transaction(async (tx) => {
    await lock(tx);
    await tx.$executeRawUnsafe(BOOKKEEPING_TABLE);
    const written = await tx.$queryRawUnsafe<Array<{ step: string; anchored_at: Date }>>(
      'SELECT step, anchored_at FROM "_demo_data"',
    );
    if (written.length === 0 && !(await holdsNoData(tx))) return undefined;
    return { done: new Set(written.map(({ step }) => step)), now: written[0]?.anchored_at ?? clock() };
  });
  if (!start) return [];
  const writtenNow: string[] = [];
  for (const step of steps.filter(({ name }) => !start.done.has(name))) {
    const wrote = await prisma.$transaction(async (tx) => {
      await lock(tx);
      const done = await tx.$queryRawUnsafe<unknown[]>('SELECT 1 FROM "_demo_data" WHERE step = $1', step.name);
      if (done.length > 0) return false;
      await step.write(tx as never, start.now);
      await tx.$executeRawUnsafe('INSERT INTO "_demo_data" (step, anchored_at) VALUES ($1, $2)', step.name, start.now);
      return true;
    });
    if (wrote) writtenNow.push(step.name);
  }
  return writtenNow;
}
