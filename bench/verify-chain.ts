/**
 * `npm run bench:verify`: how fast `audit:verify` checks the chained rows as the log grows. Fills a
 * fresh SIP core database on the PostgreSQL server (TEST_POSTGRES_URL) with BENCH_VERIFY_ROWS
 * personnummer lookups (a chained table), written in statements of 1,000 rows as the graph writes
 * them (one link each), and prints rows per second at each size, side by side. A measurement, not a
 * test: it asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { applyMigrations, readMigrations } from '../lib/db/migrate.ts';
import { prismaOptions } from '../lib/db/prisma-options.ts';
import { PrismaClient } from '../prisma/sip/client/client.ts';
import { verifyChains } from '../subgraphs/sip/consent-authority/audit/verify-chain.ts';
import { createTestDatabases } from '../test/support/test-databases.ts';

const SIZES = (process.env.BENCH_VERIFY_ROWS ?? '10000,40000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const STATEMENT = 1_000;

const databases = await createTestDatabases(['sip'], { kind: 'server', runId: `verify${process.pid}` });
try {
  const url = (databases.location('sip') as { url: string }).url;
  await applyMigrations(url, readMigrations(join(import.meta.dirname, '..', 'prisma', 'sip', 'migrations')));
  const prisma = new PrismaClient(prismaOptions(url, 2));
  let written = 0;
  console.log('rows in the log | verified in | rows/s');
  for (const size of SIZES) {
    for (; written < size; written += STATEMENT)
      await prisma.$executeRaw`
        INSERT INTO "PersonnummerLookup" ("id", "requestId", "requesterSubject", "requesterRole", "personnummer",
          "purpose", "at")
        SELECT gen_random_uuid(), 'bench', 'staff-bench', 'school_counsellor', '20120101-1234', 'bench', now()
        FROM generate_series(1, ${STATEMENT})`;
    const started = performance.now();
    const report = await verifyChains(prisma);
    const seconds = (performance.now() - started) / 1000;
    if (!report.intact) throw new Error(`the chain is broken: ${JSON.stringify(report.firstBroken)}`);
    const perSecond = Math.round(report.checked / seconds);
    console.log(`${String(report.checked).padStart(15)} | ${seconds.toFixed(2).padStart(9)} s | ${perSecond}`);
  }
  await prisma.$disconnect();
} finally {
  await databases.drop();
}
