import { BadUserInputError } from '../../../../lib/errors.ts';
import { optionalEmail, optionalText, requiredText, requiredTexts } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { assertStaff } from '../../consent-authority/access.ts';
import type { SipContext } from '../context.ts';
import type { InitiateSipInput } from './sip.inputs.ts';

/**
 * Starts a SIP for a child: the initiator and the child's guardians with custody become its first
 * participants, the invited units are recorded, and the family's answer is awaited. A child has
 * at most one open SIP; the child's row is locked so two initiatives cannot both open one.
 */
export async function initiateSip(context: SipContext, input: InitiateSipInput) {
  const { requester } = context;
  assertStaff(requester, 'initiate a SIP');
  const questions = requiredTexts(input.questions, 'input.questions', 'question');
  if (input.invitations.length === 0) throw new BadUserInputError('input.invitations', 'invite at least one unit');
  const invitations = input.invitations.map(({ agency, unit }, i) => ({
    agency,
    unit: requiredText(unit, `input.invitations.${i}.unit`, 200),
  }));
  invitations.forEach(({ agency, unit }, i) => {
    if (invitations.findIndex((other) => other.agency === agency && other.unit === unit) !== i)
      throw new BadUserInputError(`input.invitations.${i}`, 'listed twice');
  });
  if (new Set([requester.agency, ...invitations.map((i) => i.agency)]).size < 2) {
    throw new BadUserInputError(
      'input.invitations',
      'a SIP brings together at least two agencies; invite another agency than your own',
    );
  }
  const initiator = {
    kind: 'STAFF' as const,
    subject: requester.subject,
    name: requester.name ?? requester.subject,
    agency: requester.agency,
    unit: requester.unit,
    title: requiredText(input.initiatorTitle, 'input.initiatorTitle', 200),
    phone: optionalText(input.initiatorPhone, 'input.initiatorPhone', 50),
    email: optionalEmail(input.initiatorEmail, 'input.initiatorEmail'),
    isInitiator: true,
  };
  const now = context.clock();

  return context.prisma.$transaction(async (tx) => {
    const locked = isUuid(input.childId)
      ? await tx.$queryRaw<unknown[]>`SELECT id FROM "Child" WHERE id = ${input.childId}::uuid FOR UPDATE`
      : [];
    if (locked.length === 0) throw new BadUserInputError('input.childId', 'no child with this id');
    if (await tx.sip.findFirst({ where: { childId: input.childId, closedAt: null }, select: { id: true } })) {
      throw new BadUserInputError('input.childId', 'the child already has an open SIP; work in that one');
    }
    const custodians = await tx.guardianship.findMany({
      where: { childId: input.childId, hasCustody: true },
      include: { guardian: true },
    });
    return tx.sip.create({
      data: {
        childId: input.childId,
        questions,
        initiatedAt: now,
        invitations: { create: invitations },
        participants: {
          create: [
            { ...initiator, addedAt: now },
            ...custodians.map(({ guardian }) => ({
              kind: 'GUARDIAN' as const,
              subject: guardian.id,
              name: `${guardian.givenName} ${guardian.familyName}`,
              title: 'vårdnadshavare',
              addedAt: now,
            })),
          ],
        },
      },
    });
  });
}
