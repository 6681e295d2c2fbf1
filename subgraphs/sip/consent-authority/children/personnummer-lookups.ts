import { TooManyRequestsError } from '../../../../lib/errors.ts';
import { MAX_LOOKUPS_PER_HOUR } from '../../../../policy/child-records.ts';
import type { Prisma } from '../../../../prisma/sip/client/client.ts';
import type { AuthorityContext } from '../context.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Logs a lookup of a child by personnummer, found or not, once the requester is within the hourly
 * limit (TOO_MANY_REQUESTS past it, logging nothing). Counted per requester in the database, so the
 * limit holds across SIP core replicas; the requester's lookups are taken one at a time. Written in
 * `inTransaction` when given, so that what the lookup led to is written only with its log entry.
 */
export async function logLookup(
  context: AuthorityContext,
  lookup: { personnummer: string; purpose: string; childId: string | null },
  inTransaction?: Prisma.TransactionClient,
): Promise<void> {
  const { requester, requestId } = context;
  const at = context.clock();
  const write = async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`lookup:${requester.subject}`}))`;
    const recent = await tx.personnummerLookup.count({
      where: { requesterSubject: requester.subject, at: { gt: new Date(at.getTime() - HOUR_MS) } },
    });
    if (recent >= MAX_LOOKUPS_PER_HOUR)
      throw new TooManyRequestsError(`at most ${MAX_LOOKUPS_PER_HOUR} lookups by personnummer an hour`);
    await tx.personnummerLookup.create({
      data: {
        requestId,
        requesterSubject: requester.subject,
        requesterName: requester.name,
        requesterRole: requester.role,
        requesterAgency: requester.agency,
        requesterUnit: requester.unit,
        ...lookup,
        at,
      },
    });
  };
  await (inTransaction ? write(inTransaction) : context.prisma.$transaction(write));
}
