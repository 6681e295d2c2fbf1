import type { FamilyAnswer } from '../../../../prisma/sip/client/enums.ts';
import { cancelFutureMeetings } from '../meetings/cancel-future-meetings.ts';
import { BadUserInputError } from '../../../../lib/errors.ts';
import { optionalText, requiredText } from '../../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import { changeOpenSip } from '../../consent-authority/open-sip.ts';
import type { FamilyWishesInput } from './sip.inputs.ts';

/**
 * Records the family's answer after the pre-meeting, by staff taking part or by the family
 * themselves. A refusal must say why, and it closes the SIP: the work ends there.
 */
export function recordFamilyAnswer(
  context: SipContext,
  sipId: string,
  answer: FamilyAnswer,
  note: string | null | undefined,
) {
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, _role, now) => {
    if (sip.familyAnswer)
      throw new BadUserInputError('answer', `the family's answer is already recorded (${sip.familyAnswer})`);
    const subject = context.requester.subject;
    const answerData = { familyAnswer: answer, familyAnsweredAt: now, familyAnsweredBy: subject };
    if (answer === 'AGREED') {
      return tx.sip.update({
        where: { id: sip.id },
        data: { ...answerData, familyAnswerNote: optionalText(note, 'note') },
      });
    }
    const reason = requiredText(note ?? '', 'note');
    // A pre-meeting booked to explain the SIP is called off with the work.
    await cancelFutureMeetings(tx, [sip.id], now, `Familjen har tackat nej till SIP: ${reason}`);
    return tx.sip.update({
      where: { id: sip.id },
      data: {
        ...answerData,
        familyAnswerNote: reason,
        closedAt: now,
        closureReason: 'FAMILY_DECLINED',
        closureNote: `The family declined a SIP: ${reason}`,
        closedBy: subject,
      },
    });
  });
}

const MAX_WISH_LENGTH = 500;

/** Sets the family's practical wishes for meetings; staff taking part, or the family, may. */
export function setFamilyWishes(context: SipContext, sipId: string, wishes: FamilyWishesInput) {
  return changeOpenSip(context, sipId, 'sipId', (tx, sip) =>
    tx.sip.update({
      where: { id: sip.id },
      data: {
        wishedPlace: optionalText(wishes.place, 'wishes.place', MAX_WISH_LENGTH),
        wishedTime: optionalText(wishes.time, 'wishes.time', MAX_WISH_LENGTH),
        wishedBreaks: optionalText(wishes.breaks, 'wishes.breaks', MAX_WISH_LENGTH),
        interpreterLanguage: optionalText(wishes.interpreterLanguage, 'wishes.interpreterLanguage', 100),
        notesDelivery: optionalText(wishes.notesDelivery, 'wishes.notesDelivery', MAX_WISH_LENGTH),
      },
    }),
  );
}
