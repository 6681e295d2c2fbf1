import { Prisma } from '../../../prisma/sip/client/client.ts';
import { Role } from '../../../lib/auth/requester.ts';
import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { ageOn, OWN_CONSENT_AGE } from '../age.ts';
import type { SipContext } from '../context.ts';
import { CONSENT_INCLUDE } from './consent.mapper.ts';
import { isUuid } from '../../../lib/uuid.ts';

/**
 * Withdraws a consent from this instant on. Staff record a withdrawal the family told them of; a
 * guardian with custody, or the child from 15, withdraws directly. The next request is refused,
 * and every open SIP the consent covered is closed in the same transaction.
 */
export async function withdrawConsent(context: SipContext, consentId: string, reason: string) {
  const { requester } = context;
  const now = context.clock();
  if (requester.role === Role.PrivacyOfficer)
    throw new ForbiddenError('a privacy officer reviews consents but does not withdraw them');
  const consent = isUuid(consentId)
    ? await context.prisma.consent.findUnique({
        where: { id: consentId },
        include: { ...CONSENT_INCLUDE, child: { include: { guardians: true } } },
      })
    : null;
  if (!consent) throw new BadUserInputError('consentId', 'no consent with this id');
  if (
    requester.role === Role.Guardian &&
    !consent.child.guardians.some((g) => g.guardianId === requester.subject && g.hasCustody)
  ) {
    throw new ForbiddenError("only a guardian with custody of the child may withdraw the child's consent");
  }
  if (
    requester.role === Role.Child &&
    (requester.subject !== consent.childId || ageOn(consent.child.dateOfBirth, now) < OWN_CONSENT_AGE)
  ) {
    throw new ForbiddenError(`a child may withdraw their own consent from ${OWN_CONSENT_AGE}`);
  }
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
      await tx.sip.updateMany({
        where: { closedAt: null, consentLinks: { some: { consentId } } },
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
