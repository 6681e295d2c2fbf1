import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { assertDistinct, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { childViewRefusal, readsChildView } from '../../../../policy/child-views.ts';
import { familyMemberOf } from '../../../../policy/roles.ts';
import { isCurrent } from '../../../../policy/sip-access.ts';
import type { ChildView as ViewRow, SipParticipant as ParticipantRow } from '../../../../prisma/sip/client/client.ts';
import type { SipContext } from '../context.ts';
import { toParticipant } from '../process/sip.mapper.ts';
import { ChildView, ChildVoice, type ChildViewInput } from './child-view.type.ts';

const toView = (row: ViewRow, participants: readonly ParticipantRow[]) =>
  Object.assign(new ChildView(), {
    id: row.id,
    text: row.text,
    meetingId: row.meetingId,
    writtenAt: row.writtenAt,
    sharedWith: participants.filter((p) => row.sharedWith.includes(p.id)).map(toParticipant),
  });

/** The child writes what they think into their open SIP, and chooses who taking part reads it. */
export async function giveChildView(context: SipContext, sipId: string, input: ChildViewInput): Promise<ChildView> {
  const text = requiredText(input.text, 'input.text', 4_000);
  assertDistinct(input.shareWith, 'input.shareWith');
  const now = context.clock();
  return context.prisma.$transaction(async (tx) => {
    const sip = isUuid(sipId)
      ? await tx.sip.findUnique({ where: { id: sipId }, include: { participants: true, meetings: true } })
      : null;
    if (!sip) throw new BadUserInputError('sipId', 'no SIP with this id');
    const refusal = childViewRefusal(context.requester, sip);
    if (refusal) throw new ForbiddenError(refusal);
    input.shareWith.forEach((id, i) => {
      const participant = sip.participants.find((p) => p.id === id);
      if (!participant || !isCurrent(participant, now))
        throw new BadUserInputError(`input.shareWith.${i}`, 'not someone taking part in this SIP');
    });
    if (input.meetingId != null && !sip.meetings.some((m) => m.id === input.meetingId))
      throw new BadUserInputError('input.meetingId', 'not a meeting of this SIP');
    const row = await tx.childView.create({
      data: {
        sipId: sip.id,
        childId: sip.childId,
        meetingId: input.meetingId ?? null,
        text,
        sharedWith: input.shareWith,
        writtenAt: now,
      },
    });
    return toView(row, sip.participants);
  });
}

/** The views of a SIP the requester may read (policy/child-views.ts). */
export async function childViewsOf(context: SipContext, sip: { id: string; childId: string }): Promise<ChildView[]> {
  const [rows, participants] = await Promise.all([
    context.prisma.childView.findMany({ where: { sipId: sip.id }, orderBy: { writtenAt: 'asc' } }),
    context.loaders.participantsBySipId.load(sip.id),
  ]);
  const now = context.clock();
  return rows
    .filter((row) => readsChildView(context.requester, row, participants, now))
    .map((row) => toView(row, participants));
}

/** For a child, at any age: each open SIP about them, who takes part, and what they have said. */
export async function myVoice(context: SipContext): Promise<ChildVoice[]> {
  const { requester } = context;
  const member = familyMemberOf(requester);
  if (member?.kind !== 'child' || !isUuid(member.childId)) return [];
  const sips = await context.loaders.sipsByChildId.load(member.childId);
  const open = sips.filter((sip) => childViewRefusal(requester, sip) === null);
  const now = context.clock();
  return Promise.all(
    open.map(async (sip) => {
      const participants = await context.loaders.participantsBySipId.load(sip.id);
      return Object.assign(new ChildVoice(), {
        sipId: sip.id,
        participants: participants.filter((p) => isCurrent(p, now) && p.kind !== 'CHILD').map(toParticipant),
        views: await childViewsOf(context, sip),
      });
    }),
  );
}
