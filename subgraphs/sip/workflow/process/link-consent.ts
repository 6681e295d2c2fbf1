import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { linkingRefusal } from '../../../../policy/consent-provenance.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { consentStatusAt } from '../../../../policy/consent-rule.ts';
import { loadConsentFacts } from '../../consent-authority/consent/consent-facts.ts';
import type { SipContext } from '../context.ts';
import { changeOpenSip } from '../../consent-authority/open-sip.ts';

/**
 * Links a recorded consent for the child to the SIP; only a consent in force, one that starts later, or one that
 * waits for a guardian's word (PENDING) can be
 * linked, by staff the four-eyes rule lets (`linkingRefusal`). The link is an item of the log review.
 */
export function linkConsent(context: SipContext, sipId: string, consentId: string) {
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, _role, now) => {
    const refusal = linkingRefusal(context.requester, sip, now);
    if (refusal) throw new ForbiddenError(refusal, 'sipId');
    const facts = (await loadConsentFacts(tx, [sip.childId])).get(sip.childId);
    const consent = isUuid(consentId) ? facts?.consents.find((candidate) => candidate.id === consentId) : undefined;
    if (!consent || !facts) throw new BadUserInputError('consentId', 'no consent with this id for this child');
    const status = consentStatusAt(consent, now, facts.child);
    if (status !== 'ACTIVE' && status !== 'NOT_YET_VALID' && status !== 'PENDING')
      throw new BadUserInputError('consentId', `the consent is ${status.toLowerCase().replaceAll('_', ' ')}`);
    if (sip.consentLinks.some((link) => link.consentId === consentId))
      throw new BadUserInputError('consentId', 'already linked to this SIP');
    await tx.sipConsent.create({
      data: { sipId: sip.id, consentId, linkedAt: now, linkedBy: context.requester.subject, linkedByStaff: true },
    });
    return sip;
  });
}
