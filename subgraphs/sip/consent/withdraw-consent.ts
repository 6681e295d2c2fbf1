import { Prisma } from '../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { withdrawalRefusal } from '../../../policy/consent-provenance.ts';
import type { SipContext } from '../context.ts';
import { CONSENT_INCLUDE } from './consent.mapper.ts';
import { cancelFutureMeetings } from '../meetings/cancel-future-meetings.ts';
import { isUuid } from '../../../lib/uuid.ts';

/**
 * Withdraws a consent from this instant on. A guardian with custody, or the child from 15,
 * withdraws directly; staff taking part in an open SIP the consent is linked to record a
 * withdrawal the family told them of. The next request is refused,
 * and every open SIP the consent covered is closed in the same transaction.
 */
export async function withdrawConsent(context: SipContext, consentId: string, reason: string) {
  const { requester } = context;
  const now = context.clock();
  const consent = isUuid(consentId)
    ? await context.prisma.consent.findUnique({
        where: { id: consentId },
        include: {
          ...CONSENT_INCLUDE,
          child: { include: { guardians: true } },
          sipLinks: { include: { sip: { include: { participants: true } } } },
        },
      })
    : null;
  if (!consent) throw new BadUserInputError('consentId', 'no consent with this id');
  const refusal = withdrawalRefusal(
    requester,
    {
      childId: consent.childId,
      childDateOfBirth: consent.child.dateOfBirth,
      custodianIds: consent.child.guardians.filter((g) => g.hasCustody).map((g) => g.guardianId),
    },
    consent.sipLinks.map((link) => link.sip),
    now,
  );
  if (refusal) throw new ForbiddenError(refusal);
  if (consent.withdrawal) throw new BadUserInputError('consentId', 'already withdrawn');
  if (consent.replacedBy) throw new BadUserInputError('consentId', 'replaced by a newer version; withdraw that one');
  const trimmed = reason.trim();
  if (trimmed === '') throw new BadUserInputError('reason', 'must not be empty');
  try {
    await context.prisma.$transaction(async (tx) => {
      await tx.consentWithdrawal.create({
        data: { consentId, withdrawnAt: now, withdrawnBy: requester.subject, reason: trimmed },
      });
      // Withdrawing consent ends the SIP work it covered; the closure says so.
      const covered = await tx.sip.findMany({
        where: { closedAt: null, consentLinks: { some: { consentId } } },
        select: { id: true },
      });
      await cancelFutureMeetings(
        tx,
        covered.map((sip) => sip.id),
        now,
        'Samtycket har återkallats, och SIP:en har avslutats.',
      );
      await tx.sip.updateMany({
        where: { id: { in: covered.map((sip) => sip.id) } },
        data: {
          closedAt: now,
          closureReason: 'CONSENT_WITHDRAWN',
          closureNote: `Consent ${consentId} was withdrawn: ${trimmed}`,
          closedBy: requester.subject,
        },
      });
    });
  } catch (error) {
    // Two withdrawals at once: the consent's primary key lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new BadUserInputError('consentId', 'already withdrawn');
    throw error;
  }
  return context.prisma.consent.findUniqueOrThrow({ where: { id: consentId }, include: CONSENT_INCLUDE });
}
