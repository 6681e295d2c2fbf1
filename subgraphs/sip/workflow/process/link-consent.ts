import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { linkingRefusal } from '../../../../policy/consent-provenance.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { CONSENT_INCLUDE, statusAt } from '../../consent-authority/consent/consent.mapper.ts';
import type { SipContext } from '../context.ts';
import { changeOpenSip } from '../../consent-authority/open-sip.ts';

/**
 * Links a recorded consent for the child to the SIP; only a consent in force, or one that starts later, can be
 * linked, by staff the four-eyes rule lets (`linkingRefusal`). The link is an item of the log review.
 */
export function linkConsent(context: SipContext, sipId: string, consentId: string) {
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, _role, now) => {
    const refusal = linkingRefusal(context.requester, sip, now);
    if (refusal) throw new ForbiddenError(refusal, 'sipId');
    const consent = isUuid(consentId)
      ? await tx.consent.findUnique({ where: { id: consentId }, include: CONSENT_INCLUDE })
      : null;
    if (!consent || consent.childId !== sip.childId)
      throw new BadUserInputError('consentId', 'no consent with this id for this child');
    const status = statusAt(consent, now);
    if (status !== 'ACTIVE' && status !== 'NOT_YET_VALID')
      throw new BadUserInputError('consentId', `the consent is ${status.toLowerCase().replaceAll('_', ' ')}`);
    if (sip.consentLinks.some((link) => link.consentId === consentId))
      throw new BadUserInputError('consentId', 'already linked to this SIP');
    await tx.sipConsent.create({
      data: { sipId: sip.id, consentId, linkedAt: now, linkedBy: context.requester.subject, linkedByStaff: true },
    });
    return sip;
  });
}
