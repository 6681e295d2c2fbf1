import {
  MAX_CHILDREN_PER_ASK,
  TWELVE_DIGITS,
  type ChildIdentityAnswer,
} from '../../../../lib/subgraph/child-identities.ts';
import { ErrorCode } from '../../../../lib/errors.ts';
import { HttpRequestError, sendJson } from '../../../../lib/server/http-errors.ts';
import type { SubgraphRoute } from '../../../../lib/subgraph/subgraph-definition.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

const BAD_REQUEST = `expected { childIds } or { personnummer } with 1 to ${MAX_CHILDREN_PER_ASK} of them`;

/** The children asked about, by id or by personnummer; anything else is a 400 naming the shape. */
function readQuestion(body: unknown): { childIds: string[] } | { personnummer: string[] } {
  const { childIds, personnummer } = (body ?? {}) as { childIds?: unknown; personnummer?: unknown };
  const keys = childIds ?? personnummer;
  const valid = childIds === undefined ? (key: string) => TWELVE_DIGITS.test(key) : isUuid;
  if (
    (childIds === undefined) === (personnummer === undefined) ||
    !Array.isArray(keys) ||
    keys.length === 0 ||
    keys.length > MAX_CHILDREN_PER_ASK ||
    !keys.every((key) => typeof key === 'string' && valid(key))
  )
    throw new HttpRequestError(400, ErrorCode.BadRequest, BAD_REQUEST);
  const unique = [...new Set(keys as string[])];
  return childIds === undefined ? { personnummer: unique } : { childIds: unique };
}

/**
 * POST /children/identities: the identity bridge (`lib/subgraph/child-identities.ts`). Only an
 * agency subgraph that signs which it is, over this very body, is answered; the answer and the
 * log entry are written together, so no personnummer leaves without its trace.
 */
export const childIdentitiesRoute: SubgraphRoute<PrismaClient> = async (
  req,
  res,
  { prisma, clock, requestId, callerSubgraph },
) => {
  if (!callerSubgraph || callerSubgraph === 'sip')
    throw new HttpRequestError(401, ErrorCode.Unauthenticated, 'Unauthenticated: only an agency subgraph asks');
  const question = readQuestion(req.body);
  const children = await prisma.$transaction(async (tx) => {
    const found = await tx.child.findMany({
      where:
        'childIds' in question ? { id: { in: question.childIds } } : { personnummer: { in: question.personnummer } },
      select: { id: true, personnummer: true },
    });
    await tx.childIdentityRead.create({
      data: { subgraph: callerSubgraph, requestId, childIds: found.map(({ id }) => id), at: clock() },
    });
    return found;
  });
  const answer: ChildIdentityAnswer = {
    children: children.map(({ id, personnummer }) => ({ childId: id, personnummer })),
  };
  sendJson(res, 200, answer);
};
