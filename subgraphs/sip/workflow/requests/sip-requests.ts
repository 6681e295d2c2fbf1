import { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { wholeDaysBetween } from '../../../../lib/periods.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { isStaff } from '../../../../policy/roles.ts';
import {
  answeringRefusal,
  howToComplain,
  MIN_REFUSAL_REASON_LENGTH,
  sipRequestRefusal,
} from '../../../../policy/sip-request.ts';
import { familyChildIds } from '../../consent-authority/access.ts';
import { byRequester, storeAudit } from '../../consent-authority/audit/store-audit.ts';
import { consentChildFacts } from '../../consent-authority/children/consent-child-facts.ts';
import type { SipContext } from '../context.ts';
import { checkedInitiative, openSip } from '../process/initiate-sip.ts';
import type { InitiativeInput } from '../process/sip.inputs.ts';
import { SipRequest, SipRequestAnswer, SipRequestStatus, type SipRequestInput } from './sip-request.type.ts';

const REQUEST_INCLUDE = { answer: true } as const;
type RequestRow = Prisma.SipRequestGetPayload<{ include: typeof REQUEST_INCLUDE }>;

/** Requests as the family and the agencies read them, with the child's and the asker's names. */
async function toSipRequests(context: SipContext, rows: readonly RequestRow[]): Promise<SipRequest[]> {
  const children = await context.prisma.child.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.childId))] } },
    include: { guardians: { include: { guardian: true } } },
  });
  const byId = new Map(children.map((child) => [child.id, child]));
  const now = context.clock();
  return rows.map((row) => {
    const child = byId.get(row.childId)!;
    const asker = child.guardians.find(({ guardian }) => guardian.id === row.requestedBy)?.guardian ?? child;
    const { answer } = row;
    const refused = answer !== null && !answer.accepted;
    const complain = refused ? howToComplain(answer.answeredByAgency) : null;
    return Object.assign(new SipRequest(), {
      id: row.id,
      childId: row.childId,
      childName: `${child.givenName} ${child.familyName}`,
      requestedBy: `${asker.givenName} ${asker.familyName}`,
      needs: row.needs,
      agencies: row.agencies,
      requestedAt: row.requestedAt,
      status:
        answer === null ? SipRequestStatus.WAITING : refused ? SipRequestStatus.REFUSED : SipRequestStatus.ACCEPTED,
      daysWaiting: wholeDaysBetween(row.requestedAt, answer?.answeredAt ?? now),
      answer:
        answer &&
        Object.assign(new SipRequestAnswer(), {
          accepted: answer.accepted,
          reason: answer.reason,
          sipId: answer.sipId,
          answeredBy: answer.answeredByName ?? answer.answeredBy,
          agency: answer.answeredByAgency,
          unit: answer.answeredByUnit,
          answeredAt: answer.answeredAt,
          howToComplain: complain?.sv ?? null,
          howToComplainEn: complain?.en ?? null,
        }),
    });
  });
}

/** A guardian with custody, or the child from 15, asks the agencies they name for a SIP. */
export async function requestSip(context: SipContext, input: SipRequestInput): Promise<SipRequest> {
  const child = await consentChildFacts(context, input.childId);
  const now = context.clock();
  const refusal = sipRequestRefusal(
    context.requester,
    { childId: child.childId, dateOfBirth: child.childDateOfBirth, custodianIds: child.custodianIds },
    now,
  );
  if (refusal) throw new ForbiddenError(refusal);
  const needs = requiredText(input.needs, 'input.needs', 4_000);
  const agencies = [...new Set(input.agencies)];
  if (agencies.length === 0) throw new BadUserInputError('input.agencies', 'name at least one agency involved');
  const row = await context.prisma.$transaction(async (tx) => {
    // The child's row orders this against a SIP being opened, and against another request.
    await tx.$queryRaw`SELECT id FROM "Child" WHERE id = ${child.childId}::uuid FOR UPDATE`;
    if (await tx.sip.findFirst({ where: { childId: child.childId, closedAt: null }, select: { id: true } }))
      throw new BadUserInputError('input.childId', 'the child already has an open SIP');
    if (await tx.sipRequest.findFirst({ where: { childId: child.childId, answer: null }, select: { id: true } }))
      throw new BadUserInputError(
        'input.childId',
        'a request for a SIP for the child is already waiting for an answer',
      );
    return tx.sipRequest.create({
      data: { childId: child.childId, requestedBy: context.requester.subject, needs, agencies, requestedAt: now },
      include: REQUEST_INCLUDE,
    });
  });
  return (await toSipRequests(context, [row]))[0];
}

/** The family's requests for a child, newest first: the child's guardians until 18, and the child. */
export async function familyRequests(context: SipContext, childId: string): Promise<SipRequest[]> {
  const own = await familyChildIds(context);
  if (own === null || !own.includes(childId))
    throw new ForbiddenError('only the child’s family sees the requests made for the child');
  const rows = await context.prisma.sipRequest.findMany({
    where: { childId },
    include: REQUEST_INCLUDE,
    orderBy: { requestedAt: 'desc' },
  });
  return toSipRequests(context, rows);
}

/**
 * Staff's worklist: the requests waiting for an answer from their agency, oldest first. The family
 * addressed them to the agency; each one shown is logged as a read of the child's identity.
 */
export async function requestWorklist(context: SipContext): Promise<SipRequest[]> {
  const { requester, requestId } = context;
  if (!isStaff(requester) || requester.agency === null) throw new ForbiddenError('the worklist is for agency staff');
  const rows = await context.prisma.sipRequest.findMany({
    where: { answer: null, agencies: { has: requester.agency } },
    include: REQUEST_INCLUDE,
    orderBy: { requestedAt: 'asc' },
  });
  const at = context.clock();
  await storeAudit(
    context.prisma,
    rows.map((row) => ({
      ...byRequester(requester, requestId),
      childId: row.childId,
      kind: 'CHILD_IDENTITY' as const,
      scope: null,
      fields: ['Query.sipRequestWorklist'],
      purpose: 'a request for a SIP addressed to the agency',
      subgraph: 'sip',
      granted: true,
      reason: null,
      consentId: null,
      decidedAt: at,
    })),
  );
  return toSipRequests(context, rows);
}

/** Answers a waiting request in one transaction; a second answer fails (the answer's key is the request's). */
async function answer<T>(
  context: SipContext,
  requestId: string,
  work: (tx: Prisma.TransactionClient, request: RequestRow, now: Date) => Promise<T>,
): Promise<T> {
  const now = context.clock();
  try {
    return await context.prisma.$transaction(async (tx) => {
      const request = isUuid(requestId)
        ? await tx.sipRequest.findUnique({ where: { id: requestId }, include: REQUEST_INCLUDE })
        : null;
      if (!request) throw new BadUserInputError('requestId', 'no request with this id');
      const refusal = answeringRefusal(context.requester, request.agencies);
      if (refusal) throw new ForbiddenError(refusal);
      if (request.answer) throw new BadUserInputError('requestId', 'the request has already been answered');
      return work(tx, request, now);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new BadUserInputError('requestId', 'the request has already been answered');
    throw error;
  }
}

const answeredBy = (context: SipContext, now: Date) => ({
  answeredBy: context.requester.subject,
  answeredByName: context.requester.name,
  answeredByAgency: context.requester.agency!,
  answeredByUnit: context.requester.unit!,
  answeredAt: now,
});

/**
 * Accepts a request: it becomes a SIP started by the one who accepts, who takes part in it. The
 * family asked, so their answer to the SIP is already yes; consent is still theirs to give.
 */
export async function acceptSipRequest(context: SipContext, requestId: string, input: InitiativeInput) {
  return answer(context, requestId, async (tx, request, now) => {
    const initiative = checkedInitiative(context.requester, input);
    const sip = await openSip(tx, request.childId, initiative, now, 'requestId', {
      answeredBy: request.requestedBy,
      note: 'Familjen bad om en SIP.',
    });
    await tx.sipRequestAnswer.create({
      data: { requestId: request.id, accepted: true, sipId: sip.id, ...answeredBy(context, now) },
    });
    return sip;
  });
}

/** Refuses a request, the exception: with a reason the family reads, and an item of the log review. */
export async function refuseSipRequest(context: SipContext, requestId: string, reason: string) {
  const text = requiredText(reason, 'reason', 4_000);
  if (text.length < MIN_REFUSAL_REASON_LENGTH)
    throw new BadUserInputError('reason', `say why, in at least ${MIN_REFUSAL_REASON_LENGTH} characters`);
  const row = await answer(context, requestId, async (tx, request, now) => {
    await tx.sipRequestAnswer.create({
      data: { requestId: request.id, accepted: false, reason: text, ...answeredBy(context, now) },
    });
    return tx.sipRequest.findUniqueOrThrow({ where: { id: request.id }, include: REQUEST_INCLUDE });
  });
  return (await toSipRequests(context, [row]))[0];
}
