import { BadUserInputError } from '../../../../lib/errors.ts';
import { optionalEmail, optionalText, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { isCurrent } from '../../../../policy/sip-access.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip, type LockedSip, type Tx } from '../../consent-authority/open-sip.ts';
import type { AddParticipantInput } from './sip.inputs.ts';

function refuseFields(input: AddParticipantInput, fields: Array<keyof AddParticipantInput>): void {
  for (const field of fields) {
    if (input[field] != null)
      throw new BadUserInputError(
        `input.${field}`,
        `not given for a ${input.kind.toLowerCase()}; it is read from the register`,
      );
  }
}

/** What to store for each kind of participant: staff as given, guardians and the child from the register. */
async function participantData(tx: Tx, sip: LockedSip, input: AddParticipantInput) {
  const contact = {
    phone: optionalText(input.phone, 'input.phone', 50),
    email: optionalEmail(input.email, 'input.email'),
  };
  switch (input.kind) {
    case 'STAFF':
      if (!input.agency) throw new BadUserInputError('input.agency', 'staff belong to an agency');
      return {
        ...contact,
        subject: requiredText(input.subject ?? '', 'input.subject', 200),
        name: requiredText(input.name ?? '', 'input.name', 200),
        agency: input.agency,
        unit: requiredText(input.unit ?? '', 'input.unit', 200),
        title: requiredText(input.title ?? '', 'input.title', 200),
      };
    case 'GUARDIAN': {
      refuseFields(input, ['name', 'agency', 'unit']);
      const guardianship = sip.child.guardians.find((g) => g.guardianId === input.subject);
      if (!guardianship) throw new BadUserInputError('input.subject', 'not a registered guardian of the child');
      const guardian = await tx.guardian.findUniqueOrThrow({ where: { id: guardianship.guardianId } });
      return {
        ...contact,
        subject: guardian.id,
        name: `${guardian.givenName} ${guardian.familyName}`,
        title: guardianship.hasCustody ? 'vårdnadshavare' : 'förälder utan vårdnad',
      };
    }
    case 'CHILD':
      refuseFields(input, ['subject', 'name', 'agency', 'unit', 'title']);
      return {
        ...contact,
        subject: sip.child.id,
        name: `${sip.child.givenName} ${sip.child.familyName}`,
        title: 'huvudperson',
      };
    case 'RELATIVE':
      refuseFields(input, ['subject', 'agency', 'unit']);
      return {
        ...contact,
        subject: null,
        name: requiredText(input.name ?? '', 'input.name', 200),
        title: requiredText(input.title ?? '', 'input.title', 200),
      };
  }
}

/** Adds a staff member, a guardian, the child or a relative to the SIP. Staff taking part may. */
export function addParticipant(context: SipContext, sipId: string, input: AddParticipantInput) {
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'add participants');
    const data = await participantData(tx, sip, input);
    const earlier = data.subject === null ? undefined : sip.participants.find((p) => p.subject === data.subject);
    if (earlier) {
      throw new BadUserInputError(
        input.kind === 'STAFF' || input.kind === 'GUARDIAN' ? 'input.subject' : 'input.kind',
        isCurrent(earlier, now) ? 'already a participant of this SIP' : 'was removed from this SIP; it is not undone',
      );
    }
    return tx.sipParticipant.create({ data: { ...data, kind: input.kind, sipId: sip.id, addedAt: now } });
  });
}

/**
 * Removes a participant from this instant on: they no longer see the SIP, sign its plan or receive
 * under its consents. Staff taking part and the family may; the last staff member stays.
 */
export async function removeParticipant(context: SipContext, participantId: string, reason: string) {
  const found = isUuid(participantId)
    ? await context.prisma.sipParticipant.findUnique({ where: { id: participantId }, select: { sipId: true } })
    : null;
  if (!found) throw new BadUserInputError('participantId', 'no participant with this id');
  const reasonText = requiredText(reason, 'reason');
  return changeOpenSip(context, found.sipId, 'participantId', async (tx, sip, _role, now) => {
    const participant = sip.participants.find((p) => p.id === participantId)!;
    if (!isCurrent(participant, now)) throw new BadUserInputError('participantId', 'already removed');
    const staffLeft = sip.participants.filter(
      (p) => p.kind === 'STAFF' && isCurrent(p, now) && p.id !== participant.id,
    );
    if (participant.kind === 'STAFF' && staffLeft.length === 0)
      throw new BadUserInputError(
        'participantId',
        'the last staff member taking part cannot be removed; close the SIP instead',
      );
    return tx.sipParticipant.update({
      where: { id: participant.id },
      data: { removedAt: now, removedBy: context.requester.subject, removalReason: reasonText },
    });
  });
}
