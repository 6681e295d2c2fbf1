import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import type { CryptoKey } from 'jose';
import { REQUESTER_CONTEXT_HEADER, verifyRequesterContext, type RequesterContext } from '../auth/requester-context.ts';
import { SUBGRAPH_IDENTITY_HEADER, verifySubgraphIdentity } from '../auth/subgraph-identity.ts';
import type { Clock } from '../clock.ts';
import { ErrorCode } from '../errors.ts';
import { finishHttpApp, jsonBody, type HttpApp } from '../server/http-app.ts';
import { HttpRequestError, sendGraphQLError, sendJson } from '../server/http-errors.ts';
import type { Logger } from '../server/logger.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

// Subgraphs serve the gateway only: _entities, _service and every field need its signed context.
const UNAUTHENTICATED = new HttpRequestError(
  401,
  ErrorCode.Unauthenticated,
  'Unauthenticated: subgraphs accept only requests with a requester context signed by the gateway',
);

/** `/health` for anyone; `/graphql` and the subgraph's own routes only with a requester context the gateway signed. */
export function serveSubgraph<TPrisma extends SubgraphPrisma, TContext extends RequestContext>(
  { app }: HttpApp,
  definition: SubgraphDefinition<TPrisma, TContext>,
  services: {
    apollo: ApolloServer<TContext>;
    prisma: TPrisma;
    clock: Clock;
    logger: Logger;
    contextVerificationKey: CryptoKey;
    /** The other subgraphs' public identity keys, by name, for routes that must know who calls. */
    subgraphIdentityKeys: Readonly<Record<string, CryptoKey>>;
    requestContext: (requesterContext: RequesterContext) => TContext;
  },
): void {
  app.get('/health', async (_req, res) => {
    const healthy = await services.prisma.$queryRawUnsafe('SELECT 1').then(
      () => true,
      () => false,
    );
    sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'database unavailable', subgraph: definition.name });
  });

  const requireRequesterContext: RequestHandler = async (req, res, next) => {
    const header = req.headers[REQUESTER_CONTEXT_HEADER] as string | undefined;
    const requesterContext = await verifyRequesterContext(services.contextVerificationKey, header);
    if (!requesterContext) return sendGraphQLError(res, UNAUTHENTICATED);
    res.locals.requesterContext = requesterContext;
    // The gateway's request id, so one request's log lines match across services.
    res.locals.requester = requesterContext.requester.subject;
    res.locals.requestId = requesterContext.requestId;
    next();
  };
  for (const [path, route] of Object.entries(definition.routes ?? {})) {
    app.post(path, requireRequesterContext, jsonBody, async (req, res) => {
      const requesterContext = res.locals.requesterContext as RequesterContext;
      const callerSubgraph = await verifySubgraphIdentity(
        services.subgraphIdentityKeys,
        req.headers[SUBGRAPH_IDENTITY_HEADER] as string | undefined,
        requesterContext.requestId,
      );
      await route(req, res, { prisma: services.prisma, clock: services.clock, requesterContext, callerSubgraph });
    });
  }
  app.use(
    '/graphql',
    requireRequesterContext,
    jsonBody,
    expressMiddleware(services.apollo, {
      context: async ({ res }) => services.requestContext(res.locals.requesterContext as RequesterContext),
    }),
  );
  finishHttpApp(app, services.logger);
}
