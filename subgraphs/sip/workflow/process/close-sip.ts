import type { ClosureReason } from '../../../../prisma/sip/client/enums.ts';
import { BadUserInputError } from '../../../../lib/errors.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import { cancelFutureMeetings } from '../meetings/cancel-future-meetings.ts';
import { assertStaffParticipant, changeOpenSip } from '../../consent-authority/open-sip.ts';
import type { AuthorityConsequences } from '../../consent-authority/context.ts';

/** Reasons staff give; the graph records the others itself. */
const SET_BY_THE_GRAPH: Partial<Record<ClosureReason, string>> = {
  FAMILY_DECLINED: "recorded with the family's answer (recordFamilyAnswer)",
  CONSENT_WITHDRAWN: 'recorded when a linked consent is withdrawn (withdrawConsent)',
};

/** Closes (avslutar) the SIP, documenting why. A closed SIP never changes again. */
export function closeSip(context: SipContext, sipId: string, reason: ClosureReason, note: string) {
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'close the SIP');
    const automatic = SET_BY_THE_GRAPH[reason];
    if (automatic) throw new BadUserInputError('reason', `${reason} cannot be chosen; it is ${automatic}`);
    const closureNote = requiredText(note, 'note');
    await cancelFutureMeetings(tx, [sip.id], now, `SIP:en har avslutats: ${closureNote}`);
    return tx.sip.update({
      where: { id: sip.id },
      data: { closedAt: now, closureReason: reason, closureNote, closedBy: context.requester.subject },
    });
  });
}

/**
 * Withdrawing a consent ends the SIP work it covered: its open SIPs close, saying so, and their
 * meetings still to come are called off. Runs in the withdrawal's transaction (see AuthorityConsequences).
 */
export const closeSipsOfWithdrawnConsent: AuthorityConsequences['consentWithdrawn'] = async (tx, withdrawal) => {
  const covered = await tx.sip.findMany({
    where: { closedAt: null, consentLinks: { some: { consentId: withdrawal.consentId } } },
    select: { id: true },
  });
  const sipIds = covered.map((sip) => sip.id);
  await cancelFutureMeetings(tx, sipIds, withdrawal.at, 'Samtycket har återkallats, och SIP:en har avslutats.');
  await tx.sip.updateMany({
    where: { id: { in: sipIds } },
    data: {
      closedAt: withdrawal.at,
      closureReason: 'CONSENT_WITHDRAWN',
      closureNote: `Consent ${withdrawal.consentId} was withdrawn: ${withdrawal.reason}`,
      closedBy: withdrawal.by,
    },
  });
};
