import { SERVER_URL } from '../test/support/test-databases.ts';

const whole = (variable: string, fallback: number) => Number(process.env[variable] ?? fallback);

/** The generated national log (`npm run bench:log:fill`), as `npm run bench:log` reads it. */
export const LOG_SHAPE = {
  children: whole('BENCH_LOG_CHILDREN', 50_000),
  staff: whole('BENCH_LOG_STAFF', 20_000),
  entries: whole('BENCH_LOG_ENTRIES', 100_000_000),
  months: whole('BENCH_LOG_MONTHS', 24),
};
if (LOG_SHAPE.children !== (LOG_SHAPE.staff * 20) / 8)
  throw new Error('BENCH_LOG_CHILDREN must be 20 × BENCH_LOG_STAFF / 8 (each of 8 staff of a SIP has 20 children)');

/** The bench's database, and the server's own database to create it from. */
export function benchLogDatabase() {
  const admin = new URL(SERVER_URL);
  const url = new URL(admin);
  url.pathname = `/${process.env.BENCH_LOG_DATABASE ?? 'sipgraph_bench_log'}`;
  return { url: url.toString(), admin: admin.toString() };
}
