/**
 * `npm run audit:verify`: checks the SIP core's hash chains of consents, withdrawals and the audit
 * log, and names the first broken link; then checks that the chains still pass through every head
 * the SIP core anchored outside the database (AUDIT_ANCHOR_FILE, signed with AUDIT_ANCHOR_KEY), so
 * that a log truncated and written anew is found too. With the anchor key it starts where its last
 * intact check ended (AUDIT_VERIFIED_FILE) and marks where this one ends; `-- --full` checks every
 * row from the first link, as it does without the key. Reads the database the SIP core is
 * configured with (`SIP_DATABASE_URL`, else the embedded one under `DATA_DIR`). On the embedded
 * database run it while the graph is stopped; while it runs, a privacy officer asks the graph
 * (`auditChainReport`). Prints the rows checked per second. Exits 1 when a chain is broken.
 */
import { performance } from 'node:perf_hooks';
import { existingAnchorKey } from '../dev/dev-identity.ts';
import { openDatabase } from '../lib/db/database.ts';
import { prismaOptions } from '../lib/db/prisma-options.ts';
import { readConfig } from '../lib/config/config.ts';
import { PrismaClient } from '../prisma/sip/client/client.ts';
import { verifyAnchors } from '../subgraphs/sip/consent-authority/audit/chain-anchor.ts';
import { lastVerifiedHeads, recordVerifiedHeads } from '../subgraphs/sip/consent-authority/audit/verified-heads.ts';
import { verifyChains, type ChainBreak } from '../subgraphs/sip/consent-authority/audit/verify-chain.ts';

const config = readConfig();
// npm start keeps its development anchor key under DATA_DIR when none is configured.
const anchorKey = config.auditAnchor.key ?? existingAnchorKey(config.dataDir);
const { verifiedFile } = config.auditAnchor;
const database = await openDatabase('sip', config.databaseLocation('sip'));
const prisma = new PrismaClient(prismaOptions(database.connectionString, database.maxPoolSize));
const broken = ({ table, row, problem }: ChainBreak) => {
  console.error(`audit trail BROKEN in ${table}${row ? ` at row ${row}` : ''}: ${problem}`);
  process.exitCode = 1;
};

/** Where the last intact check ended, unless a full check is asked for or cannot be avoided. */
async function startingPoint() {
  if (process.argv.includes('--full') || !anchorKey) return null;
  try {
    return await lastVerifiedHeads(verifiedFile, anchorKey);
  } catch (error) {
    console.warn(`${(error as Error).message}: checking every row from the first link`);
    return null;
  }
}

try {
  const since = await startingPoint();
  const started = performance.now();
  const report = await verifyChains(prisma, since?.heads);
  const seconds = (performance.now() - started) / 1000;
  const scope = since ? `rows added since the check of ${since.at}` : 'rows, from the first link';
  if (!report.intact) broken(report.firstBroken!);
  else {
    console.log(
      `audit trail intact: ${report.checked} ${scope} checked in ${seconds.toFixed(1)} s ` +
        `(${Math.round(report.checked / Math.max(seconds, 0.001))} rows/s; ${database.description})`,
    );
    if (anchorKey) await recordVerifiedHeads(verifiedFile, anchorKey, report.heads, new Date());
  }
  if (!anchorKey) console.warn('no AUDIT_ANCHOR_KEY: the anchors outside the database were not checked');
  else {
    const anchors = await verifyAnchors(prisma, { file: config.auditAnchor.file, key: anchorKey });
    if (anchors.broken) broken(anchors.broken);
    else console.log(`every chain passes through its ${anchors.anchors} anchors in ${config.auditAnchor.file}`);
  }
} finally {
  await prisma.$disconnect();
  await database.close();
}
