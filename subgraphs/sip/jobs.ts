import type { Config } from '../../lib/config/config.ts';
import { anchorJobs } from './consent-authority/audit/chain-anchor.ts';
import { auditLogJobs } from './consent-authority/audit/log-jobs.ts';
import { summonsDeliveryJob } from './workflow/meetings/summons-delivery.ts';

/**
 * The SIP core's jobs as its own process: anchoring the audit chains, the log's partitions and
 * review, and delivering summonses by e-mail when an SMTP server is configured (SMTP_URL; without
 * one, summonses reach people through their apps only).
 */
export const sipJobs = (config: Config) => [
  ...anchorJobs(config),
  ...auditLogJobs(),
  ...(config.summonsDelivery ? [summonsDeliveryJob(config.summonsDelivery)] : []),
];
