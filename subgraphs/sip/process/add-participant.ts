import { BadUserInputError } from '../../../lib/errors.ts';
import { optionalEmail, optionalText, requiredText } from '../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip, type LockedSip, type Tx } from './open-sip.ts';
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
    if (data.subject !== null && sip.participants.some((p) => p.subject === data.subject)) {
      throw new BadUserInputError(
        input.kind === 'STAFF' || input.kind === 'GUARDIAN' ? 'input.subject' : 'input.kind',
        'already a participant of this SIP',
      );
    }
    return tx.sipParticipant.create({ data: { ...data, kind: input.kind, sipId: sip.id, addedAt: now } });
  });
}
