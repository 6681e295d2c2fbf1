/**
 * `npm run audit:verify`: checks the SIP core's hash chain of consents, withdrawals and the audit
 * log, and names the first broken link. Reads the database the SIP core is configured with
 * (`SIP_DATABASE_URL`, else the embedded one under `DATA_DIR`). On the embedded database run it
 * while the graph is stopped; while it runs, a privacy officer asks the graph (`auditChainReport`).
 * Exits 1 when the chain is broken.
 */
import { openDatabase } from '../lib/db/database.ts';
import { prismaOptions } from '../lib/db/prisma-options.ts';
import { readConfig } from '../lib/config.ts';
import { PrismaClient } from '../prisma/sip/client/client.ts';
import { verifyChains } from '../subgraphs/sip/audit/verify-chain.ts';

const database = await openDatabase('sip', readConfig().databaseLocation('sip'));
const prisma = new PrismaClient(prismaOptions(database.connectionString, database.maxPoolSize));
try {
  const report = await verifyChains(prisma);
  if (report.intact) {
    console.log(`audit trail intact: ${report.checked} rows checked (${database.description})`);
  } else {
    const { table, row, problem } = report.firstBroken!;
    console.error(`audit trail BROKEN in ${table}${row ? ` at row ${row}` : ''}: ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await database.close();
}
