import { BadUserInputError } from '../../../../lib/errors.ts';
import { assertDistinct } from '../../../../lib/text-input.ts';
import type { SipContext } from '../context.ts';
import { assertConsentInForce, assertStaffParticipant, changeOpenSip } from '../../consent-authority/open-sip.ts';
import type { ScheduleMeetingInput } from './meeting.inputs.ts';
import { checkedMeetingTime } from './meeting-time.ts';
import { writeSummonses } from './summons.ts';

const isFamily = (kind: string) => kind === 'GUARDIAN' || kind === 'CHILD';

/**
 * Books a meeting. What each kind needs: the family's pre-meeting invites the family; the
 * agencies' pre-meeting invites staff only; the SIP meeting and follow-ups invite the family and
 * staff of at least two agencies, need a secretary, and (with the agencies' pre-meeting) a consent
 * in force, since agencies exchange information there. A follow-up needs a plan to follow up.
 */
export async function scheduleMeeting(context: SipContext, input: ScheduleMeetingInput) {
  const time = checkedMeetingTime(input, context.clock());
  if (input.invitedIds.length === 0) throw new BadUserInputError('input.invitedIds', 'invite at least one participant');
  assertDistinct(input.invitedIds, 'input.invitedIds');

  return changeOpenSip(context, input.sipId, 'input.sipId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'schedule meetings');
    const byId = new Map(sip.participants.map((p) => [p.id, p]));
    const invited = input.invitedIds.map((id, i) => {
      const participant = byId.get(id);
      if (!participant) throw new BadUserInputError(`input.invitedIds.${i}`, 'not a participant of this SIP');
      return participant;
    });
    const invitedStaff = (id: string | null | undefined) => invited.some((p) => p.id === id && p.kind === 'STAFF');
    if (!invitedStaff(input.chairId))
      throw new BadUserInputError('input.chairId', 'must be a staff participant invited to the meeting');
    const needsSecretary = input.kind === 'SIP_MEETING' || input.kind === 'FOLLOW_UP';
    if (input.secretaryId != null && !invitedStaff(input.secretaryId))
      throw new BadUserInputError('input.secretaryId', 'must be a staff participant invited to the meeting');
    if (needsSecretary && input.secretaryId == null)
      throw new BadUserInputError('input.secretaryId', `a ${input.kind} needs a secretary`);
    if (needsSecretary && input.secretaryId === input.chairId)
      throw new BadUserInputError('input.secretaryId', 'must be someone other than the chair');

    const familyInvited = invited.some((p) => isFamily(p.kind));
    if (input.kind === 'FAMILY_PRE_MEETING' && !familyInvited)
      throw new BadUserInputError(
        'input.invitedIds',
        'the pre-meeting with the family must invite a guardian or the child',
      );
    if (input.kind === 'AGENCY_PRE_MEETING') {
      await assertConsentInForce(tx, sip, now, 'input.kind');
      if (invited.some((p) => p.kind !== 'STAFF'))
        throw new BadUserInputError('input.invitedIds', "the agencies' pre-meeting is held without the family");
    }
    if (needsSecretary) {
      await assertConsentInForce(tx, sip, now, 'input.kind');
      if (!familyInvited)
        throw new BadUserInputError('input.invitedIds', `a ${input.kind} must invite a guardian or the child`);
      if (new Set(invited.filter((p) => p.kind === 'STAFF').map((p) => p.agency)).size < 2) {
        throw new BadUserInputError(
          'input.invitedIds',
          `a ${input.kind} brings together staff from at least two agencies`,
        );
      }
    }
    if (input.kind === 'FOLLOW_UP' && (await tx.planVersion.count({ where: { sipId: sip.id } })) === 0) {
      throw new BadUserInputError('input.kind', 'there is no plan to follow up yet');
    }
    const meeting = await tx.meeting.create({
      data: {
        sipId: sip.id,
        kind: input.kind,
        ...time,
        chairId: input.chairId,
        secretaryId: input.secretaryId ?? null,
        scheduledAt: now,
        scheduledBy: context.requester.subject,
        participants: { create: invited.map((p) => ({ participantId: p.id, invited: true })) },
      },
    });
    await writeSummonses(tx, meeting.id, 'BOOKED', now);
    return meeting;
  });
}
