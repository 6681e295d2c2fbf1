import { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { withdrawalRefusal } from '../../../../policy/consent-provenance.ts';
import type { AuthorityContext } from '../context.ts';
import { cachedConsentFacts } from './consent-facts-cache.ts';
import { CONSENT_INCLUDE } from './consent.mapper.ts';
import { isUuid } from '../../../../lib/uuid.ts';

/**
 * Withdraws a consent from this instant on. A guardian with custody, or the child from 15,
 * withdraws directly; staff taking part in an open SIP the consent is linked to record a
 * withdrawal the family told them of. The next request is refused, and what follows in the SIP
 * workflow (the open SIPs it covered close) happens in the same transaction.
 */
export async function withdrawConsent(context: AuthorityContext, consentId: string, reason: string) {
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
    consent,
    consent.sipLinks.map((link) => link.sip),
    now,
  );
  if (refusal) throw new ForbiddenError(refusal);
  if (consent.withdrawal) throw new BadUserInputError('consentId', 'already withdrawn');
  // A version whose newer one still waits for a guardian (a pending widening) counts, and may be withdrawn.
  const replacedAt = (await cachedConsentFacts(context.prisma, [consent.childId]))
    .get(consent.childId)
    ?.consents.find((version) => version.id === consentId)?.replacedAt;
  if (replacedAt && replacedAt <= now)
    throw new BadUserInputError('consentId', 'replaced by a newer version; withdraw that one');
  const trimmed = reason.trim();
  if (trimmed === '') throw new BadUserInputError('reason', 'must not be empty');
  try {
    await context.prisma.$transaction(async (tx) => {
      await tx.consentWithdrawal.create({
        data: { consentId, withdrawnAt: now, withdrawnBy: requester.subject, reason: trimmed },
      });
      await context.consequences.consentWithdrawn(tx, { consentId, at: now, by: requester.subject, reason: trimmed });
    });
  } catch (error) {
    // Two withdrawals at once: the consent's primary key lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new BadUserInputError('consentId', 'already withdrawn');
    throw error;
  }
  return context.prisma.consent.findUniqueOrThrow({ where: { id: consentId }, include: CONSENT_INCLUDE });
}
