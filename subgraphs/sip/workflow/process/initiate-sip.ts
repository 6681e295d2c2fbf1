import { BadUserInputError } from '../../../../lib/errors.ts';
import { optionalEmail, optionalText, requiredText, requiredTexts } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { Requester } from '../../../../policy/roles.ts';
import { assertStaff } from '../../consent-authority/access.ts';
import type { Tx } from '../../consent-authority/open-sip.ts';
import type { SipContext } from '../context.ts';
import type { InitiativeInput, InitiateSipInput } from './sip.inputs.ts';
import { daysAfter } from '../../../../lib/periods.ts';
import { answerWithinDays } from '../invitations/invitations.ts';

/** An initiative checked: what needs nothing from the database. `field` prefixes the names of faults. */
export function checkedInitiative(requester: Requester, input: InitiativeInput, field = 'input') {
  const questions = requiredTexts(input.questions, `${field}.questions`, 'question');
  if (input.invitations.length === 0) throw new BadUserInputError(`${field}.invitations`, 'invite at least one unit');
  const invitations = input.invitations.map(({ agency, unit, answerWithinDays: given }, i) => ({
    agency,
    unit: requiredText(unit, `${field}.invitations.${i}.unit`, 200),
    days: answerWithinDays(given, `${field}.invitations.${i}.answerWithinDays`),
  }));
  invitations.forEach(({ agency, unit }, i) => {
    if (invitations.findIndex((other) => other.agency === agency && other.unit === unit) !== i)
      throw new BadUserInputError(`${field}.invitations.${i}`, 'listed twice');
  });
  if (new Set([requester.agency, ...invitations.map((i) => i.agency)]).size < 2) {
    throw new BadUserInputError(
      `${field}.invitations`,
      'a SIP brings together at least two agencies; invite another agency than your own',
    );
  }
  const initiator = {
    kind: 'STAFF' as const,
    subject: requester.subject,
    name: requester.name ?? requester.subject,
    agency: requester.agency,
    unit: requester.unit,
    title: requiredText(input.initiatorTitle, `${field}.initiatorTitle`, 200),
    phone: optionalText(input.initiatorPhone, `${field}.initiatorPhone`, 50),
    email: optionalEmail(input.initiatorEmail, `${field}.initiatorEmail`),
    isInitiator: true,
  };
  return { questions, invitations, initiator };
}

/**
 * Opens a SIP for a child in `tx`: the initiator and the child's guardians with custody become its
 * first participants, the invited units are recorded. A child has at most one open SIP; the child's
 * row is locked so two initiatives cannot both open one. `familyAnswer` when the family asked.
 */
export async function openSip(
  tx: Tx,
  childId: string,
  { questions, invitations, initiator }: ReturnType<typeof checkedInitiative>,
  now: Date,
  field: string,
  familyAnswer?: { answeredBy: string; note: string },
) {
  const locked = isUuid(childId)
    ? await tx.$queryRaw<unknown[]>`SELECT id FROM "Child" WHERE id = ${childId}::uuid FOR UPDATE`
    : [];
  if (locked.length === 0) throw new BadUserInputError(field, 'no child with this id');
  if (await tx.sip.findFirst({ where: { childId, closedAt: null }, select: { id: true } })) {
    throw new BadUserInputError(field, 'the child already has an open SIP; work in that one');
  }
  const custodians = await tx.guardianship.findMany({
    where: { childId, hasCustody: true },
    include: { guardian: true },
  });
  return tx.sip.create({
    data: {
      childId,
      questions,
      initiatedAt: now,
      ...(familyAnswer && {
        familyAnswer: 'AGREED',
        familyAnswerNote: familyAnswer.note,
        familyAnsweredAt: now,
        familyAnsweredBy: familyAnswer.answeredBy,
      }),
      invitations: {
        create: invitations.map(({ agency, unit, days }) => ({
          agency,
          unit,
          invitedAt: now,
          answerBy: daysAfter(now, days),
        })),
      },
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
}

/** Staff start a SIP for a child; the family's answer is awaited. */
export async function initiateSip(context: SipContext, input: InitiateSipInput) {
  assertStaff(context.requester, 'initiate a SIP');
  const initiative = checkedInitiative(context.requester, input);
  const now = context.clock();
  return context.prisma.$transaction((tx) => openSip(tx, input.childId, initiative, now, 'input.childId'));
}
