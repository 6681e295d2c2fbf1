import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import type { IdentityVerifier, RequesterContext } from '../auth/identity-token.ts';
import { requestIdOf } from '../auth/request-id.ts';
import {
  SUBGRAPH_IDENTITY_HEADER,
  type SubgraphIdentityVerifier,
  type SubgraphSignatureCheck,
} from '../auth/subgraph-identity.ts';
import type { Clock } from '../clock.ts';
import { finishHttpApp, jsonBody, type HttpApp } from '../server/http-app.ts';
import { sendJson } from '../server/http-errors.ts';
import type { Logger } from '../server/logger.ts';
import { SourceSystemError, type SourceSystem } from '../source/source-system.ts';
import { forRequest, type SharedChildIdentities } from './child-identities.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

/** A check's result as /health reports it; a source's reason names no one. */
type CheckResult = { status: 'ok' } | { status: 'unavailable'; reason?: string };
const outcome = [
  (): CheckResult => ({ status: 'ok' }),
  (error: unknown): CheckResult => ({
    status: 'unavailable',
    ...(error instanceof SourceSystemError && { reason: error.reason }),
  }),
] as const;

/** How long one answer of the agency's system to /health is reused. */
const SOURCE_CHECK_REUSE_MS = 2_000;

// A route's signed body is checked against the bytes that arrived, not against a re-serialisation.
const routeBody = express.json({
  limit: '1mb',
  verify: (req, _res, buffer) => void ((req as IncomingMessage & { rawBody?: Buffer }).rawBody = buffer),
});

/**
 * `/health` for anyone; `/graphql` and the subgraph's own routes only for a requester whose
 * identity provider's token the subgraph verified itself, whatever router (or none) sits in front.
 */
export function serveSubgraph<TPrisma extends SubgraphPrisma | null, TContext extends RequestContext, TSource>(
  { app }: HttpApp,
  definition: SubgraphDefinition<TPrisma, TContext, TSource>,
  services: {
    apollo: ApolloServer<TContext>;
    prisma: TPrisma;
    source: TSource;
    childIdentities: SharedChildIdentities;
    clock: Clock;
    logger: Logger;
    verifyIdentity: IdentityVerifier;
    /** Which subgraph signed a call to one of this subgraph's routes, if any did. */
    verifySubgraphIdentity: SubgraphIdentityVerifier;
    /** The same without the replay check, for the routes that store the call's id themselves. */
    checkSubgraphSignature: SubgraphSignatureCheck;
    requestContext: (requesterContext: RequesterContext) => TContext;
  },
): void {
  // Anyone may ask /health: probes asked together, or within a moment, share one call to the agency's system.
  const system = definition.source;
  let sourceCheck: { at: number; result: Promise<CheckResult> } | undefined;
  const checkSource = (source: SourceSystem<TSource>) => {
    if (!sourceCheck || Date.now() - sourceCheck.at > SOURCE_CHECK_REUSE_MS)
      sourceCheck = { at: Date.now(), result: source.check(services.source).then(...outcome) };
    return sourceCheck.result;
  };
  // What an operator needs to tell a broken adapter from a broken agency system.
  app.get('/health', async (_req, res) => {
    const database =
      services.prisma === null ? undefined : await services.prisma.$queryRawUnsafe('SELECT 1').then(...outcome);
    const source = system && { system: system.label, ...(await checkSource(system)) };
    const status =
      database?.status === 'unavailable'
        ? 'database unavailable'
        : source?.status === 'unavailable'
          ? 'source unavailable'
          : 'ok';
    sendJson(res, status === 'ok' ? 200 : 503, {
      status,
      subgraph: definition.name,
      ...(database && { database: database.status }),
      ...(source && { source }),
    });
  });

  const requireIdentity: RequestHandler = async (req, res, next) => {
    // A refusal (HttpRequestError, 401) reaches the error handler as a GraphQL-shaped body.
    const identity = await services.verifyIdentity(req.headers.authorization);
    const requesterContext: RequesterContext = { ...identity, requestId: requestIdOf(req.headers) };
    res.locals.requesterContext = requesterContext;
    // The request's id, so one request's log lines match across services.
    res.locals.requester = identity.requester.subject;
    res.locals.requestId = requesterContext.requestId;
    next();
  };
  // A route may be a subgraph's own errand, without a requester: it then checks the subgraph's signature.
  const identityIfAny: RequestHandler = (req, res, next) =>
    req.headers.authorization ? requireIdentity(req, res, next) : next();
  for (const [path, route] of Object.entries(definition.routes ?? {})) {
    app.post(path, identityIfAny, routeBody, async (req, res) => {
      const requesterContext = (res.locals.requesterContext as RequesterContext | undefined) ?? null;
      const requestId = requesterContext?.requestId ?? requestIdOf(req.headers);
      const signature = [
        req.headers[SUBGRAPH_IDENTITY_HEADER] as string | undefined,
        requestId,
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody,
      ] as const;
      const storesCall = definition.routesStoringCalls?.includes(path) ?? false;
      const callerSubgraph = storesCall ? null : await services.verifySubgraphIdentity(...signature);
      const signedCall = storesCall ? await services.checkSubgraphSignature(...signature) : null;
      await route(req, res, {
        prisma: services.prisma,
        source: services.source,
        clock: services.clock,
        childIdentities: forRequest(services.childIdentities, requestId),
        requesterContext,
        requestId,
        callerSubgraph,
        signedCall,
        verifyIdentity: services.verifyIdentity,
      });
    });
  }
  app.use(
    '/graphql',
    requireIdentity,
    jsonBody,
    expressMiddleware(services.apollo, {
      context: async ({ res }) => services.requestContext(res.locals.requesterContext as RequesterContext),
    }),
  );
  finishHttpApp(app, services.logger);
}
