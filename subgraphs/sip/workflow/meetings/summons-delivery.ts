import type { Logger } from '../../../../lib/server/logger.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { emailChannel } from './email-channel.ts';
import { runPeriodically } from '../../../../lib/server/run-periodically.ts';

/** Where summonses are sent from, and through which SMTP server (SMTP_URL, SUMMONS_FROM). */
export interface SummonsDeliveryOptions {
  smtpUrl: string;
  from: string;
  /** How often the outbox is looked at. */
  intervalMs: number;
}

/** A summons due for delivery, as a channel sends it. */
export interface DueSummons {
  summonsId: string;
  address: string;
  attempts: number;
  subject: string;
  body: string;
  /** The iCalendar invitation (or its cancellation). */
  ics: string;
  kind: string;
}

/**
 * A way a summons reaches a person (e-mail; an SMS adapter would be another). `send` resolves once
 * the receiving server has taken the message, and rejects with the reason it gave otherwise.
 */
export interface DeliveryChannel {
  send(summons: DueSummons): Promise<void>;
  close(): void;
}

/** Tries before a delivery is given up (FAILED, shown on the summons), and the first wait between them. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** While one sender holds a delivery, no other takes it: longer than one SMTP conversation may take. */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);

/**
 * Takes the deliveries that are due, leasing them so that another replica's sender skips them, in
 * one statement. A sender that dies after sending and before recording it sends again once the
 * lease runs out: at least once, with the same Message-ID, which mail clients use to drop a copy.
 */
const claimDue = (prisma: PrismaClient, now: Date) =>
  prisma.$queryRaw<DueSummons[]>`
    UPDATE "SummonsDelivery" d SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    FROM "Summons" s
    WHERE d."summonsId" = s."id" AND d."summonsId" IN (
      SELECT "summonsId" FROM "SummonsDelivery"
      WHERE "state" = 'QUEUED' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING d."summonsId"::text AS "summonsId", d."address", d."attempts", s."subject", s."body", s."ics",
              s."kind"::text AS "kind"`;

/** Sends what is due in the outbox once, by the real clock; returns how many were sent. */
export async function deliverDueSummonses(prisma: PrismaClient, channel: DeliveryChannel): Promise<number> {
  let sent = 0;
  for (const due of await claimDue(prisma, new Date())) {
    const attempts = due.attempts + 1;
    try {
      await channel.send(due);
      await prisma.summonsDelivery.update({
        where: { summonsId: due.summonsId },
        data: { state: 'SENT', attempts, sentAt: new Date(), lastError: null },
      });
      sent++;
    } catch (error) {
      await prisma.summonsDelivery.update({
        where: { summonsId: due.summonsId },
        data: {
          attempts,
          lastError: (error as Error).message.slice(0, 500),
          ...(attempts >= MAX_ATTEMPTS
            ? { state: 'FAILED' }
            : { nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) }),
        },
      });
    }
  }
  return sent;
}

/** The SIP core's job: looks at the outbox every `intervalMs` and sends what is due by e-mail. */
export const summonsDeliveryJob = (options: SummonsDeliveryOptions) => (prisma: PrismaClient, logger: Logger) => {
  const channel = emailChannel(options);
  const stop = runPeriodically(async () => {
    await deliverDueSummonses(prisma, channel).then(
      (sent) => void (sent > 0 && logger.info({ sent }, 'summonses sent')),
      (error: unknown) => logger.error({ err: error }, 'could not look at the summonses outbox'),
    );
  }, options.intervalMs);
  return async () => {
    await stop();
    channel.close();
  };
};
