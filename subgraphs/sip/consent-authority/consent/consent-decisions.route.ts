import type {
  ConsentDecisionRequest,
  ConsentDecisionResponse,
  ConsentQuestion,
} from '../../../../lib/consent/consent-decision.ts';
import { ErrorCode } from '../../../../lib/errors.ts';
import { HttpRequestError, sendJson } from '../../../../lib/server/http-errors.ts';
import type { SubgraphRoute } from '../../../../lib/subgraph/subgraph-definition.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { isConsentScope } from '../../../../policy/scopes.ts';
import { cachedConsentFacts } from './consent-facts-cache.ts';
import { decideConsent } from '../../../../policy/consent-rule.ts';
import { byRequester, storeAudit } from '../audit/store-audit.ts';
import { readReleases, releaseRecords } from './consent-releases.route.ts';
import { requiredRequester } from '../../../../lib/auth/identity-token.ts';
import { isUuid } from '../../../../lib/uuid.ts';

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

function readRequest(body: Partial<ConsentDecisionRequest> | undefined): ConsentDecisionRequest {
  const questions = body?.questions;
  if (!Array.isArray(questions) || questions.length > MAX_QUESTIONS || !questions.every(isQuestion)) {
    throw new HttpRequestError(
      400,
      ErrorCode.BadRequest,
      `expected { questions: [{ childId, scope, fields }] } with at most ${MAX_QUESTIONS} questions`,
    );
  }
  return body as ConsentDecisionRequest;
}

/**
 * POST /consent/decisions: decides every (child, scope) question of one subgraph fetch for the
 * requester whose token the call carries, and stores the decisions (and any release confirmations
 * riding along) before answering. If they cannot be stored the request fails, and the asking
 * subgraph withholds the data.
 */
export const consentDecisionsRoute: SubgraphRoute<PrismaClient> = async (
  req,
  res,
  { prisma, clock, requesterContext, callerSubgraph, receivedAt },
) => {
  const { requester, requestId } = requiredRequester(requesterContext);
  if (!callerSubgraph) throw NOT_A_SUBGRAPH;
  const request = readRequest(req.body);
  const releases = readReleases(request.releases);
  const at = clock();
  const facts = await cachedConsentFacts(
    prisma,
    request.questions.map((question) => question.childId),
    receivedAt,
  );
  const decisions = request.questions.map((question) => {
    const child = facts.get(question.childId);
    const decision = child
      ? decideConsent(child.consents, child.child, { scope: question.scope, reader: requester, at })
      : ({ granted: false, reason: 'NO_CONSENT', consentId: null } as const);
    return { childId: question.childId, scope: question.scope, fields: question.fields, ...decision };
  });
  await storeAudit(
    prisma,
    decisions.map((decision) => ({
      ...byRequester(requester, requestId),
      childId: decision.childId,
      kind: 'CROSS_AGENCY',
      scope: decision.scope,
      fields: decision.fields,
      subgraph: callerSubgraph,
      granted: decision.granted,
      reason: decision.granted ? null : decision.reason,
      consentId: decision.consentId,
      emergencyAccessId: decision.granted ? (decision.emergencyAccessId ?? null) : null,
      decidedAt: at,
    })),
    releaseRecords(releases, callerSubgraph, at),
  );
  const response: ConsentDecisionResponse = {
    decisions: decisions.map(({ fields: _fields, ...decision }) => decision),
  };
  sendJson(res, 200, response);
};
