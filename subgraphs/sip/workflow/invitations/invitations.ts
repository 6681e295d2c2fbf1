import { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { daysAfter } from '../../../../lib/periods.ts';
import { optionalEmail, optionalText, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { isStaff } from '../../../../policy/roles.ts';
import { isCurrent } from '../../../../policy/sip-access.ts';
import {
  invitationAnswerRefusal,
  invitationReachesUnit,
  laterInvitationRefusal,
  MIN_DECLINE_REASON_LENGTH,
} from '../../../../policy/sip-invitation.ts';
import { byRequester, storeAudit } from '../../consent-authority/audit/store-audit.ts';
import { assertStaffParticipant, changeOpenSip, type Tx } from '../../consent-authority/open-sip.ts';
import type { InvitationInput } from '../process/sip.inputs.ts';
import type { SipContext } from '../context.ts';
import { directoryMember } from '../directory/staff-directory.ts';
import { toParticipant } from '../process/sip.mapper.ts';
import {
  InvitationAnswer,
  InvitationCounts,
  InvitedBy,
  SipInvitation,
  UnitInvitation,
  type AcceptInvitationInput,
} from './invitation.type.ts';

/** How long a unit has to answer unless the coordinator says otherwise, and the longest she may give. */
export const DEFAULT_ANSWER_WITHIN_DAYS = 5;
export const MAX_ANSWER_WITHIN_DAYS = 30;

/** The days a unit has to answer, as the initiator gives them (or the default); refused outside 1–30. */
export function answerWithinDays(given: number | null | undefined, field: string): number {
  const days = given ?? DEFAULT_ANSWER_WITHIN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_ANSWER_WITHIN_DAYS)
    throw new BadUserInputError(field, `give a whole number of days from 1 to ${MAX_ANSWER_WITHIN_DAYS}`);
  return days;
}

export const INVITATION_INCLUDE = {
  answer: { include: { attendee: true, forwardedTo: true } },
  forwardedFrom: { include: { invitation: true } },
} as const;
export type InvitationRow = Prisma.SipInvitationGetPayload<{ include: typeof INVITATION_INCLUDE }>;

/** An invitation as the SIP's participants, the family and the unit read it. */
export function toInvitation<T extends SipInvitation>(row: InvitationRow, now: Date, into: T): T {
  const { answer } = row;
  return Object.assign(into, {
    id: row.id,
    agency: row.agency,
    unit: row.unit,
    invitedAt: row.invitedAt,
    answerBy: row.answerBy,
    overdue: answer === null && now > row.answerBy,
    forwardedFromUnit: row.forwardedFrom?.invitation.unit ?? null,
    answer:
      answer &&
      Object.assign(new InvitationAnswer(), {
        kind: answer.kind,
        attendee: answer.attendee && toParticipant(answer.attendee),
        forwardedToUnit: answer.forwardedTo?.unit ?? null,
        note: answer.note,
        answeredBy: answer.answeredByName ?? answer.answeredBy,
        answeredAt: answer.answeredAt,
      }),
  });
}

/**
 * The invitations to the requester's unit of SIPs that may have reached it (`invitationReachesUnit`
 * decides, on what this selects): for its staff only.
 */
function atRequestersUnit({ requester }: SipContext) {
  if (!isStaff(requester) || requester.agency === null || requester.unit === null)
    throw new ForbiddenError("the unit's invitations are for its staff");
  return {
    agency: requester.agency,
    unit: requester.unit,
    sip: { familyAnswer: 'AGREED' as const, closedAt: null },
  } satisfies Prisma.SipInvitationWhereInput;
}

/**
 * The unit's inbox: the invitations to the requester's unit that have reached it (the family agreed,
 * the SIP is open), waiting ones oldest first, or the answered ones newest first. Each one shown is
 * logged as a read of the child's identity, as the unit learns who the child is.
 */
export async function unitInvitations(context: SipContext, answered: boolean): Promise<UnitInvitation[]> {
  const { requester, requestId } = context;
  const rows = await context.prisma.sipInvitation.findMany({
    where: { ...atRequestersUnit(context), answer: answered ? { isNot: null } : null },
    include: {
      ...INVITATION_INCLUDE,
      sip: { include: { child: true, participants: { where: { isInitiator: true } } } },
    },
    orderBy: [{ invitedAt: answered ? 'desc' : 'asc' }, { id: 'asc' }],
    take: 200,
  });
  const now = context.clock();
  const reaching = rows.filter((row) => invitationReachesUnit(row.sip));
  await storeAudit(
    context.prisma,
    reaching.map((row) => ({
      ...byRequester(requester, requestId),
      childId: row.sip.childId,
      kind: 'CHILD_IDENTITY' as const,
      scope: null,
      fields: ['Query.unitInvitations'],
      purpose: 'an invitation to a SIP addressed to the unit',
      subgraph: 'sip',
      granted: true,
      reason: null,
      consentId: null,
      decidedAt: now,
    })),
  );
  return reaching.map((row) => {
    const initiator = row.sip.participants[0];
    return Object.assign(toInvitation(row, now, new UnitInvitation()), {
      sipId: row.sipId,
      childName: `${row.sip.child.givenName} ${row.sip.child.familyName}`,
      questions: row.sip.questions,
      forwardNote: row.forwardedFrom?.note ?? null,
      invitedBy: Object.assign(new InvitedBy(), {
        name: initiator?.name ?? 'okänd',
        agency: initiator?.agency ?? null,
        unit: initiator?.unit ?? null,
        phone: initiator?.phone ?? null,
        email: initiator?.email ?? null,
      }),
    });
  });
}

/**
 * How many invitations wait at the requester's unit, and how many of those are late: no child is
 * named, so nothing is logged, where the inbox itself (`unitInvitations`) logs each child it shows.
 */
export async function unitInvitationCounts(context: SipContext): Promise<InvitationCounts> {
  const waiting = await context.prisma.sipInvitation.findMany({
    where: { ...atRequestersUnit(context), answer: null },
    select: { answerBy: true, sip: { select: { familyAnswer: true, closedAt: true } } },
  });
  const now = context.clock();
  const reaching = waiting.filter((row) => invitationReachesUnit(row.sip));
  return Object.assign(new InvitationCounts(), {
    waiting: reaching.length,
    overdue: reaching.filter((row) => now > row.answerBy).length,
  });
}

type AnswerWork = (tx: Tx, invitation: InvitationRow & { sip: { id: string } }, now: Date) => Promise<void>;

/**
 * Answers an invitation in one transaction, the SIP's row locked (participants change with it); a
 * second answer fails, since the answer's key is the invitation's.
 */
async function answer(context: SipContext, invitationId: string, work: AnswerWork): Promise<SipInvitation> {
  const now = context.clock();
  const notFound = () => new BadUserInputError('invitationId', 'no invitation with this id');
  try {
    const id = await context.prisma.$transaction(async (tx) => {
      const found = isUuid(invitationId)
        ? await tx.sipInvitation.findUnique({ where: { id: invitationId }, select: { sipId: true } })
        : null;
      if (!found) throw notFound();
      await tx.$queryRaw`SELECT id FROM "Sip" WHERE id = ${found.sipId}::uuid FOR UPDATE`;
      const invitation = await tx.sipInvitation.findUniqueOrThrow({
        where: { id: invitationId },
        include: { ...INVITATION_INCLUDE, sip: true },
      });
      const refusal = invitationAnswerRefusal(context.requester, invitation);
      if (refusal) throw new ForbiddenError(refusal);
      // One the unit has not been told of is, to it, no invitation at all.
      if (!invitationReachesUnit(invitation.sip)) throw notFound();
      if (invitation.answer) throw new BadUserInputError('invitationId', 'the invitation has already been answered');
      await work(tx, invitation, now);
      return invitation.id;
    });
    const row = await context.prisma.sipInvitation.findUniqueOrThrow({ where: { id }, include: INVITATION_INCLUDE });
    return toInvitation(row, now, new SipInvitation());
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new BadUserInputError('invitationId', 'the invitation has already been answered');
    throw error;
  }
}

const answeredBy = (context: SipContext, now: Date) => ({
  answeredBy: context.requester.subject,
  answeredByName: context.requester.name,
  answeredAt: now,
});

/**
 * Who attends for the unit: a colleague of the invited unit named from the agency's directory (name,
 * title and contact as it lists them), or else the one answering, reachable as they say.
 */
async function attendeeOf(context: SipContext, invitationId: string, input: AcceptInvitationInput) {
  if (!input.attendeeDirectoryId)
    return {
      subject: context.requester.subject,
      name: context.requester.name ?? context.requester.subject,
      title: requiredText(input.title ?? '', 'input.title', 200),
      phone: optionalText(input.phone, 'input.phone', 50),
      email: optionalEmail(input.email, 'input.email'),
    };
  const invitation = isUuid(invitationId)
    ? await context.prisma.sipInvitation.findUnique({ where: { id: invitationId } })
    : null;
  if (!invitation) throw new BadUserInputError('invitationId', 'no invitation with this id');
  const member = await directoryMember(
    context,
    invitation.agency,
    input.attendeeDirectoryId,
    'input.attendeeDirectoryId',
  );
  if (member.unit !== invitation.unit)
    throw new BadUserInputError('input.attendeeDirectoryId', 'works at another unit than the one invited');
  const { directoryId: subject, name, title, phone, email } = member;
  return { subject, name, title, phone, email };
}

/**
 * The unit takes part: who attends for it becomes a participant of the SIP (or is one already),
 * reachable as given, so that the summonses reach them.
 */
export async function acceptInvitation(context: SipContext, invitationId: string, input: AcceptInvitationInput) {
  const person = await attendeeOf(context, invitationId, input);
  return answer(context, invitationId, async (tx, invitation, now) => {
    const earlier = await tx.sipParticipant.findUnique({
      where: { sipId_subject: { sipId: invitation.sipId, subject: person.subject } },
    });
    if (earlier && !isCurrent(earlier, now))
      throw new BadUserInputError('invitationId', 'the attendee was removed from this SIP; it is not undone');
    const attendee =
      earlier ??
      (await tx.sipParticipant.create({
        data: {
          sipId: invitation.sipId,
          kind: 'STAFF',
          agency: invitation.agency,
          unit: invitation.unit,
          ...person,
          addedAt: now,
        },
      }));
    await tx.sipInvitationAnswer.create({
      data: { invitationId: invitation.id, kind: 'ACCEPTED', attendeeId: attendee.id, ...answeredBy(context, now) },
    });
  });
}

/**
 * The invitation reached the wrong unit: it goes on to another unit of the same agency, with a note,
 * and the same time to answer from now.
 */
export function forwardInvitation(context: SipContext, invitationId: string, unit: string, note: string) {
  const toUnit = requiredText(unit, 'unit', 200);
  const noteText = requiredText(note, 'note', 2_000);
  return answer(context, invitationId, async (tx, invitation, now) => {
    if (toUnit === invitation.unit) throw new BadUserInputError('unit', 'forward it to another unit than your own');
    const invited = await tx.sipInvitation.findUnique({
      where: { sipId_agency_unit: { sipId: invitation.sipId, agency: invitation.agency, unit: toUnit } },
    });
    if (invited) throw new BadUserInputError('unit', 'that unit is already invited to this SIP');
    const forwarded = await tx.sipInvitation.create({
      data: {
        sipId: invitation.sipId,
        agency: invitation.agency,
        unit: toUnit,
        invitedAt: now,
        answerBy: new Date(now.getTime() + (invitation.answerBy.getTime() - invitation.invitedAt.getTime())),
      },
    });
    await tx.sipInvitationAnswer.create({
      data: {
        invitationId: invitation.id,
        kind: 'FORWARDED',
        forwardedToId: forwarded.id,
        note: noteText,
        ...answeredBy(context, now),
      },
    });
  });
}

/** The unit will not take part: with a reason the coordinator and the family read. */
export function declineInvitation(context: SipContext, invitationId: string, reason: string) {
  const text = requiredText(reason, 'reason', 4_000);
  if (text.length < MIN_DECLINE_REASON_LENGTH)
    throw new BadUserInputError('reason', `say why, in at least ${MIN_DECLINE_REASON_LENGTH} characters`);
  return answer(context, invitationId, async (tx, invitation, now) => {
    await tx.sipInvitationAnswer.create({
      data: { invitationId: invitation.id, kind: 'DECLINED', note: text, ...answeredBy(context, now) },
    });
  });
}

/**
 * Staff taking part invite one more unit to the open SIP (after a decline, or when a new need shows),
 * to answer within `answerWithinDays` as at the start; the family's agreement already covers the SIP.
 */
export function inviteUnit(context: SipContext, sipId: string, input: InvitationInput) {
  const unit = requiredText(input.unit, 'input.unit', 200);
  const days = answerWithinDays(input.answerWithinDays, 'input.answerWithinDays');
  return changeOpenSip(context, sipId, 'sipId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'invite units');
    // Once the family has answered, they agreed to the initiator's agency and those invited then;
    // before, they will see every unit invited when they answer.
    const answeredAt = sip.familyAnsweredAt;
    if (answeredAt) {
      const invited = await tx.sipInvitation.findMany({ where: { sipId: sip.id, invitedAt: { lte: answeredAt } } });
      const agreed = invited.map((invitation) => invitation.agency);
      const initiator = sip.participants.find((p) => p.isInitiator)?.agency;
      const refusal = laterInvitationRefusal(input.agency, initiator ? [initiator, ...agreed] : agreed);
      if (refusal) throw new BadUserInputError('input.agency', refusal);
    }
    const invited = await tx.sipInvitation.findUnique({
      where: { sipId_agency_unit: { sipId: sip.id, agency: input.agency, unit } },
    });
    if (invited) throw new BadUserInputError('input.unit', 'that unit is already invited to this SIP');
    const row = await tx.sipInvitation.create({
      data: {
        sipId: sip.id,
        agency: input.agency,
        unit,
        invitedAt: now,
        answerBy: daysAfter(now, days),
      },
      include: INVITATION_INCLUDE,
    });
    return toInvitation(row, now, new SipInvitation());
  });
}
