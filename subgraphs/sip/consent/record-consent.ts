import { BadUserInputError } from '../../../lib/errors.ts';
import { OWN_CONSENT_AGE, speaksForThemselves } from '../../../policy/age.ts';
import type { SipContext } from '../context.ts';
import { CONSENT_INCLUDE } from './consent.mapper.ts';
import type { RecordConsentInput } from './record-consent.input.ts';
import { isUuid } from '../../../lib/uuid.ts';

const MAX_PURPOSE_LENGTH = 1_000;

/**
 * Records a consent after checking it against the child's registered custodians. Everything is
 * checked before anything is written; the new consent and the replacement of an earlier version
 * are one transaction, and the new version takes over the old one's links to SIPs.
 */
export async function recordConsent(context: SipContext, input: RecordConsentInput) {
  const now = context.clock();
  if (!isUuid(input.childId)) throw new BadUserInputError('input.childId', 'no child with this id');
  const child = await context.prisma.child.findUnique({ where: { id: input.childId }, include: { guardians: true } });
  if (!child) throw new BadUserInputError('input.childId', 'no child with this id');

  if (input.scopes.length === 0) throw new BadUserInputError('input.scopes', 'name at least one information category');
  if (input.agencies.length === 0) throw new BadUserInputError('input.agencies', 'name at least one agency');
  if (input.validUntil <= input.validFrom) throw new BadUserInputError('input.validUntil', 'must be after validFrom');
  const purpose = input.purpose.trim();
  if (purpose === '') throw new BadUserInputError('input.purpose', 'must not be empty');
  if (purpose.length > MAX_PURPOSE_LENGTH)
    throw new BadUserInputError('input.purpose', `must be at most ${MAX_PURPOSE_LENGTH} characters`);

  const custodians = new Set(child.guardians.filter((g) => g.hasCustody).map((g) => g.guardianId));
  input.guardianIds.forEach((guardianId, i) => {
    if (!custodians.has(guardianId))
      throw new BadUserInputError(`input.guardianIds.${i}`, 'not a guardian with custody of this child');
    if (input.guardianIds.indexOf(guardianId) !== i)
      throw new BadUserInputError(`input.guardianIds.${i}`, 'listed twice');
  });
  if (input.givenByChild && !speaksForThemselves(child.dateOfBirth, now)) {
    throw new BadUserInputError(
      'input.givenByChild',
      `a child under ${OWN_CONSENT_AGE} cannot consent on their own; the guardians consent`,
    );
  }
  if (input.guardianIds.length === 0 && !input.givenByChild)
    throw new BadUserInputError('input.guardianIds', 'name who gave the consent');

  return context.prisma.$transaction(async (tx) => {
    // replacesId is unique: of two concurrent replacements of one version, the second fails here.
    if (input.replacesConsentId != null) {
      const replaced = isUuid(input.replacesConsentId)
        ? await tx.consent.findUnique({ where: { id: input.replacesConsentId }, include: CONSENT_INCLUDE })
        : null;
      if (!replaced || replaced.childId !== child.id)
        throw new BadUserInputError('input.replacesConsentId', 'no consent with this id for this child');
      if (replaced.replacedBy)
        throw new BadUserInputError('input.replacesConsentId', 'already replaced by a newer version');
      if (replaced.withdrawal)
        throw new BadUserInputError('input.replacesConsentId', 'withdrawn; record a new consent instead');
    }
    const consent = await tx.consent.create({
      data: {
        childId: child.id,
        guardianIds: input.guardianIds,
        givenByChild: input.givenByChild,
        form: input.form,
        scopes: [...new Set(input.scopes)],
        agencies: [...new Set(input.agencies)],
        purpose,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        recordedBy: context.requester.subject,
        recordedByAgency: context.requester.agency,
        recordedAt: now,
        replacesId: input.replacesConsentId ?? null,
      },
      include: CONSENT_INCLUDE,
    });
    if (input.replacesConsentId != null) {
      // The new version covers the SIPs the old one covered.
      const links = await tx.sipConsent.findMany({ where: { consentId: input.replacesConsentId } });
      await tx.sipConsent.createMany({
        data: links.map(({ sipId }) => ({
          sipId,
          consentId: consent.id,
          linkedAt: now,
          linkedBy: context.requester.subject,
        })),
      });
    }
    return consent;
  });
}
