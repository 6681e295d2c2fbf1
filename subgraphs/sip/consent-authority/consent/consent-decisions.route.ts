import type {
  ConsentDecisionAsk,
  ConsentDecisionBatchRequest,
  ConsentDecisionBatchResponse,
  ConsentDecisionRequest,
  ConsentDecisionResponse,
  ConsentQuestion,
  ConsentRelease,
} from '../../../../lib/consent/consent-decision.ts';
import { ErrorCode } from '../../../../lib/errors.ts';
import { HttpRequestError, sendJson } from '../../../../lib/server/http-errors.ts';
import type { SubgraphRoute } from '../../../../lib/subgraph/subgraph-definition.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { isConsentScope } from '../../../../policy/scopes.ts';
import type { Requester } from '../../../../policy/roles.ts';
import { cachedConsentFacts, consentFactsAsHeld } from './consent-facts-cache.ts';
import type { ChildConsentFacts } from './consent-facts.ts';
import { forgetExpiredCallsNowAndThen } from './subgraph-call-first-use.ts';
import { noteConsentEpoch } from './consent-epoch.ts';
import { decideConsent } from '../../../../policy/consent-rule.ts';
import { byRequester, storeAudit } from '../audit/store-audit.ts';
import { readReleases, releaseRecords } from './consent-releases.route.ts';
import { requiredRequester } from '../../../../lib/auth/identity-token.ts';
import { isRequestId } from '../../../../lib/auth/request-id.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { SignedCall } from '../../../../lib/auth/subgraph-identity.ts';

/** Questions per call, over all its requests. */
const MAX_QUESTIONS = 10_000;

// The decision log names the subgraph that asked; only one that proves which it is gets an answer.
const NOT_A_SUBGRAPH = new HttpRequestError(
  401,
  ErrorCode.Unauthenticated,
  'Unauthenticated: consent decisions are answered only to a subgraph that signs which it is',
);

function isQuestion(value: unknown): value is ConsentQuestion {
  const q = value as ConsentQuestion;
  return (
    typeof q === 'object' &&
    q !== null &&
    typeof q.childId === 'string' &&
    isUuid(q.childId) &&
    typeof q.scope === 'string' &&
    isConsentScope(q.scope) &&
    Array.isArray(q.fields) &&
    q.fields.every((field) => typeof field === 'string')
  );
}

const areQuestions = (value: unknown): value is ConsentQuestion[] => Array.isArray(value) && value.every(isQuestion);

const badRequest = (expected: string) =>
  new HttpRequestError(400, ErrorCode.BadRequest, `expected ${expected} with at most ${MAX_QUESTIONS} questions`);

function readRequest(body: Partial<ConsentDecisionRequest> | undefined): ConsentQuestion[] {
  const questions = body?.questions;
  if (!areQuestions(questions) || questions.length > MAX_QUESTIONS)
    throw badRequest('{ questions: [{ childId, scope, fields }] }');
  return questions;
}

function readAsks(body: Partial<ConsentDecisionBatchRequest> | undefined): ConsentDecisionAsk[] {
  const asks = body?.asks;
  const isAsk = (ask: ConsentDecisionAsk) =>
    typeof ask === 'object' &&
    ask !== null &&
    isRequestId(ask.requestId) &&
    typeof ask.token === 'string' &&
    areQuestions(ask.questions);
  if (
    !Array.isArray(asks) ||
    !asks.every(isAsk) ||
    asks.reduce((count, ask) => count + ask.questions.length, 0) > MAX_QUESTIONS
  )
    throw badRequest('{ asks: [{ requestId, token, questions: [{ childId, scope, fields }] }] }');
  return asks;
}

/** One request's questions, for the reader whose token it carried. */
interface Asked {
  requester: Requester;
  requestId: string;
  questions: ConsentQuestion[];
}

/** Every question of these requests decided for its own reader, on these facts. */
function decide(asked: Asked[], facts: Map<string, ChildConsentFacts>, at: Date) {
  return asked.map(({ requester, requestId, questions }) => ({
    requester,
    requestId,
    decisions: questions.map((question) => {
      const child = facts.get(question.childId);
      const decision = child
        ? decideConsent(child.consents, child.child, { scope: question.scope, reader: requester, at })
        : ({ granted: false, reason: 'NO_CONSENT', consentId: null } as const);
      return { childId: question.childId, scope: question.scope, fields: question.fields, ...decision };
    }),
  }));
}

function auditRecords(decided: ReturnType<typeof decide>, subgraph: string, at: Date) {
  return decided.flatMap(({ requester, requestId, decisions }) =>
    decisions.map((decision) => ({
      ...byRequester(requester, requestId),
      childId: decision.childId,
      kind: 'CROSS_AGENCY' as const,
      scope: decision.scope,
      fields: decision.fields,
      subgraph,
      granted: decision.granted,
      reason: decision.granted ? null : decision.reason,
      consentId: decision.consentId,
      emergencyAccessId: decision.granted ? (decision.emergencyAccessId ?? null) : null,
      decidedAt: at,
    })),
  );
}

/**
 * Decides every (child, scope) question of these requests, each for its own reader, and stores the
 * decisions (and the release confirmations riding along) before returning them. One statement in
 * the usual case: it stores the call's signature id (refusing a replay) and the decisions, made on
 * the facts in memory, if the consent epoch they were read under is still current then, which is
 * after the call arrived. When it is not (a change committed meanwhile) the decisions are made
 * again on facts read afresh and stored in a second statement. If they cannot be stored this
 * fails, and the asking subgraph withholds the data.
 */
async function decideAndLog(
  prisma: PrismaClient,
  asked: Asked[],
  call: SignedCall,
  releases: ConsentRelease[],
  at: Date,
) {
  await forgetExpiredCallsNowAndThen(prisma);
  const childIds = asked.flatMap(({ questions }) => questions.map((question) => question.childId));
  const confirmed = releaseRecords(releases, call.subgraph, at);
  const held = await consentFactsAsHeld(prisma, childIds);
  let decided = held ? decide(asked, held.facts, at) : [];
  const first = await storeAudit(prisma, auditRecords(decided, call.subgraph, at), confirmed, {
    call: { jti: call.jti, expiresAt: call.expiresAt },
    epoch: held?.epoch ?? null,
  });
  if (first.replayed) throw NOT_A_SUBGRAPH;
  if (!held || !first.stored) {
    // The epoch that statement read counts as read after the call arrived: no read of its own.
    noteConsentEpoch(prisma, first.startedAt, first.epoch);
    decided = decide(asked, await cachedConsentFacts(prisma, childIds, first.startedAt), at);
    await storeAudit(prisma, auditRecords(decided, call.subgraph, at), confirmed);
  }
  return decided.map(({ decisions }) => decisions.map(({ fields: _fields, ...decision }) => decision));
}

/**
 * POST /consent/decisions: one request's questions, for the requester whose token the call carries,
 * from the subgraph that signed it.
 */
export const consentDecisionsRoute: SubgraphRoute<PrismaClient> = async (
  req,
  res,
  { prisma, clock, requesterContext, signedCall },
) => {
  const { requester, requestId } = requiredRequester(requesterContext);
  if (!signedCall) throw NOT_A_SUBGRAPH;
  const questions = readRequest(req.body);
  const releases = readReleases((req.body as ConsentDecisionRequest).releases);
  const [decisions] = await decideAndLog(prisma, [{ requester, requestId, questions }], signedCall, releases, clock());
  sendJson(res, 200, { decisions } satisfies ConsentDecisionResponse);
};

/**
 * POST /consent/decision-batches: several requests' questions that reached the subgraph together, in
 * one call it signed; each ask carries its reader's own token, verified here as any other. An ask
 * whose token is refused gets no decisions, and nothing is logged for it; the others are answered.
 */
export const consentDecisionBatchesRoute: SubgraphRoute<PrismaClient> = async (
  req,
  res,
  { prisma, clock, signedCall, verifyIdentity },
) => {
  if (!signedCall) throw NOT_A_SUBGRAPH;
  const asks = readAsks(req.body);
  const releases = readReleases((req.body as ConsentDecisionBatchRequest).releases);
  const readers = await Promise.all(
    asks.map((ask) =>
      verifyIdentity(`Bearer ${ask.token}`).then(
        ({ requester }) => requester,
        () => null,
      ),
    ),
  );
  const asked = asks.flatMap(({ requestId, questions }, i) => {
    const requester = readers[i];
    return requester ? [{ requester, requestId, questions }] : [];
  });
  const decided = await decideAndLog(prisma, asked, signedCall, releases, clock());
  let next = 0;
  const answers: ConsentDecisionBatchResponse['answers'] = asks.map(({ requestId }, i) =>
    readers[i] ? { requestId, decisions: decided[next++] } : { requestId, error: ErrorCode.Unauthenticated },
  );
  sendJson(res, 200, { answers });
};
