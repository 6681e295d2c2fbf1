import type { ClosureReason } from '../../../prisma/sip/client/enums.ts';
import { BadUserInputError } from '../../../lib/errors.ts';
import { requiredText } from '../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import { cancelFutureMeetings } from '../meetings/cancel-future-meetings.ts';
import { assertStaffParticipant, changeOpenSip } from './open-sip.ts';

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
