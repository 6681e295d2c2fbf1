import type { Request } from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { createIdentityVerifier, type IdentityOptions } from '../lib/auth/identity-token.ts';
import { newTraceparent } from '../lib/auth/request-id.ts';
import { DEFAULT_GATEWAY_LIMITS, portClaim, type GatewayLimits } from '../lib/config/config.ts';
import { formatError } from '../lib/server/format-error.ts';
import { unwrapResolverError } from '@apollo/server/errors';
import { createHttpApp, finishHttpApp, jsonBody } from '../lib/server/http-app.ts';
import { sendJson } from '../lib/server/http-errors.ts';
import { listen } from '../lib/server/listen.ts';
import { createLogger, type Logger } from '../lib/server/logger.ts';
import { graphiqlAssets, sendGraphiQLPage, type PersonaTokens } from './graphiql.ts';
import {
  IdentityForwardingDataSource,
  type GatewayContext,
  type SubgraphFetch,
} from './identity-forwarding.data-source.ts';
import type { IntrospectionAccess } from '../lib/config/config.ts';
import { introspectionAccessPlugin } from '../lib/server/introspection.ts';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './query-limits.ts';
import { checkSubgraphs, gatewayHealth } from './subgraph-health.ts';
import { admission } from './admission.ts';
import { argumentPathsRule, asUserInputError, parseScalarsStrictly } from './input-errors.ts';
import { appPages } from './app-pages.ts';
import { signInConfig } from './sign-in-config.ts';
import { privacyConsole } from './privacy-console.ts';

export interface StartGatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph (by its name in the supergraph) really runs; overrides the composed default. */
  subgraphUrls: Record<string, string>;
  /** How bearer tokens are verified. */
  identity: IdentityOptions;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  queryLimits?: QueryLimits;
  /** Who may read the schema (default: staff and privacy officers). */
  introspection?: IntrospectionAccess;
  /** Admission, timeouts and subgraph call limits (defaults: DEFAULT_GATEWAY_LIMITS). */
  limits?: Partial<GatewayLimits>;
  /** For `npm run bench`: told of every subgraph fetch, when it started and ended. */
  observeSubgraphFetch?: (fetch: SubgraphFetch) => void;
  /** Development only: the demo personas' tokens, which GraphiQL offers in a picker. */
  personaTokens?: PersonaTokens;
  /** The OpenID provider the apps sign in with (its issuer; discovery under it). */
  signInIssuer?: string;
  logger?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const wantsHtml = (req: Request) => (req.headers.accept ?? '').includes('text/html');

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = (options.logger ?? createLogger('info')).child({ service: 'gateway' });
  // The graph runs offline on children's data and calls out to no one. @apollo/gateway otherwise
  // sends usage metrics to Apollo and, to label them, asks the cloud metadata servers (AWS, GCP,
  // Azure, Alibaba) where it runs; this variable is its only switch, read when it is constructed.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const limits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new IdentityForwardingDataSource(
        { url: options.subgraphUrls[name] ?? url, timeoutMs: limits.subgraphTimeoutMs },
        options.observeSubgraphFetch,
        name,
      ),
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => parseScalarsStrictly(apiSchema));
  // A client that sends its request slowly, or never finishes it, is cut off after the request timeout.
  const http = createHttpApp(logger, { requestTimeoutMs: limits.requestTimeoutMs });
  const logUnexpected = formatError((message, error) => logger.error({ err: error }, message));
  const apollo = new ApolloServer<GatewayContext>({
    // @apollo/server 5 types `gateway` against gateway-interface 2; @apollo/gateway 2 implements 1,
    // which works at run time.
    gateway: gateway as unknown as ConstructorParameters<typeof ApolloServer>[0] extends { gateway?: infer G }
      ? G
      : never,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" suggestions: they spell out the schema to whoever may not read it.
    hideSchemaDetailsFromClientErrors: true,
    validationRules: [...queryLimitRules(options.queryLimits ?? DEFAULT_QUERY_LIMITS), argumentPathsRule],
    formatError: (formatted, error) => {
      const input = asUserInputError(unwrapResolverError(error));
      if (input) return { message: input.message, locations: formatted.locations, extensions: input.extensions };
      // What a subgraph's HTTP answer looked like (its address among it) stays in the gateway.
      const { response: _, ...extensions } = formatted.extensions ?? {};
      return logUnexpected({ ...formatted, extensions }, error);
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http.server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      introspectionAccessPlugin(options.introspection ?? 'staff'),
    ],
  });
  await apollo.start();

  // Subgraphs verify the token themselves; the gateway refuses a bad one early, with the reason.
  const verifyIdentity = createIdentityVerifier(options.identity);
  const { app } = http;
  const admitted = admission(limits);
  app.get('/health', async (_req, res) => {
    const health = gatewayHealth(
      await checkSubgraphs(options.subgraphUrls),
      admitted.state(),
      limits.subgraphTimeoutMs,
    );
    sendJson(res, health.status === 'ok' ? 200 : 503, health);
  });
  app.get(['/', '/graphql'], (req, res, next) => (wantsHtml(req) ? sendGraphiQLPage(res) : next()));
  app.use('/graphiql', graphiqlAssets(options.personaTokens));
  if (options.personaTokens)
    logger.warn(
      'development: the demo personas’ tokens are handed out at /graphiql and /privacy, ' +
        'and offered at /familj and /samordning; ' +
        'never in production',
    );
  app.get('/auth/config.json', signInConfig(options.signInIssuer));
  app.use('/familj', appPages('family'));
  app.use('/samordning', appPages('workspace'));
  app.use(
    '/privacy',
    privacyConsole({ supergraphSdl: options.supergraphSdl, verifyIdentity, personaTokens: options.personaTokens }),
  );
  // The body is read and the token checked before a place is taken: a slow or unknown client holds none.
  app.use(
    '/graphql',
    jsonBody,
    async (req, res, next) => {
      // A refusal (HttpRequestError, 401) reaches the error handler as a GraphQL-shaped body.
      const { requester } = await verifyIdentity(req.headers.authorization);
      // Each request starts its own trace: its id is the request's in every service and in the audit log.
      const { traceparent, traceId } = newTraceparent();
      const context: GatewayContext = {
        authorization: req.headers.authorization!,
        traceparent,
        requestId: traceId,
        requester,
      };
      Object.assign(res.locals, { context, requester: requester.subject, requestId: traceId });
      // The client can quote it: it finds the request's log lines and audit trail in every service.
      res.setHeader('x-request-id', traceId);
      next();
    },
    admitted.handler,
    expressMiddleware(apollo, { context: async ({ res }) => res.locals.context as GatewayContext }),
  );
  finishHttpApp(app, logger);

  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await listen(http.server, portClaim('gateway', options.port, host));
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
    port,
    // Stops taking connections, lets in-flight requests finish, then stops the gateway.
    stop: () => apollo.stop(),
  };
}
