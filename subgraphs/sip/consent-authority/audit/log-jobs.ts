import type { Logger } from '../../../../lib/server/logger.ts';
import { runPeriodically } from '../../../../lib/server/run-periodically.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { catchUpReviewFindings } from './review-findings.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const REVIEW_CATCH_UP_MS = 30_000;

/** Runs `work` now and every `intervalMs`; a failed run is logged, never fatal. */
const periodically =
  (what: string, intervalMs: number, work: (prisma: PrismaClient) => Promise<unknown>) =>
  (prisma: PrismaClient, logger: Logger) =>
    runPeriodically(async () => {
      await work(prisma).catch((error: unknown) => logger.error({ err: error }, `could not ${what}`));
    }, intervalMs);

/**
 * The log's upkeep beside the requests: the next three months' partitions exist before their first
 * entry (else it lands in the default partition), and the review's findings follow the log, so the
 * review queue has little to catch up on when a privacy officer opens it.
 */
export const auditLogJobs = () => [
  periodically(
    'create the audit log’s partitions',
    DAY_MS,
    (prisma) => prisma.$queryRaw`SELECT "create_audit_group_partitions"(now(), now() + interval '3 months')`,
  ),
  periodically('catch up the log review', REVIEW_CATCH_UP_MS, catchUpReviewFindings),
];
