import { Prisma } from '../../../../prisma/sip/client/client.ts';
import { answersSipFeedback } from '../../../../policy/sip-access.ts';
import { custodianIdsOf } from '../../consent-authority/open-sip.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { optionalText } from '../../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import type { SipFeedbackInput } from './meeting.inputs.ts';
import { isUuid } from '../../../../lib/uuid.ts';

const SCALE = { min: 1, max: 5 };

/**
 * SIP-kollen: the child (at any age) or a guardian leaves short feedback after a held meeting, once
 * per person and meeting. A closed SIP still takes feedback on its last meetings.
 */
export async function giveSipFeedback(context: SipContext, meetingId: string, input: SipFeedbackInput) {
  const { requester } = context;
  const meeting = isUuid(meetingId)
    ? await context.prisma.meeting.findUnique({
        where: { id: meetingId },
        include: { sip: { include: { participants: true, child: { include: { guardians: true } } } } },
      })
    : null;
  if (!meeting) throw new BadUserInputError('meetingId', 'no meeting with this id');
  const { sip } = meeting;
  const facts = {
    childId: sip.childId,
    custodianIds: custodianIdsOf(sip.child.guardians),
    participants: sip.participants,
  };
  if (!answersSipFeedback(requester, facts))
    throw new ForbiddenError('SIP-kollen is for the child and their guardians');
  if (!meeting.heldAt) throw new BadUserInputError('meetingId', 'the meeting has not been held yet');
  for (const field of ['listenedTo', 'understood', 'helpful'] as const) {
    const value = input[field];
    if (!Number.isInteger(value) || value < SCALE.min || value > SCALE.max)
      throw new BadUserInputError(`input.${field}`, `must be a whole number from ${SCALE.min} to ${SCALE.max}`);
  }
  try {
    return await context.prisma.sipFeedback.create({
      data: {
        meetingId,
        givenBy: requester.subject,
        listenedTo: input.listenedTo,
        understood: input.understood,
        helpful: input.helpful,
        comment: optionalText(input.comment, 'input.comment', 1_000),
        givenAt: context.clock(),
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new BadUserInputError('meetingId', 'you have already given feedback on this meeting');
    throw error;
  }
}
