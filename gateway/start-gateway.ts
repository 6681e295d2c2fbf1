import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import type { CryptoKey } from 'jose';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { signRequesterContext } from '../lib/auth/requester-context.ts';
import { portVariable } from '../lib/config.ts';
import { closeGracefully } from '../lib/server/graceful-close.ts';
import { formatError } from '../lib/server/format-error.ts';
import { handleGraphQLRequest, sendJson } from '../lib/server/graphql-http-handler.ts';
import { createHttpServer, sendNotFound } from '../lib/server/http-server.ts';
import { listen } from '../lib/server/listen.ts';
import { authenticate, type IdentityOptions } from './authenticate.ts';
import { sendGraphiQLAsset, sendGraphiQLPage } from './graphiql.ts';
import { RequesterContextDataSource, type GatewayContext } from './requester-context.data-source.ts';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule, type QueryLimits } from './query-limits.ts';
import { checkSubgraphs } from './subgraph-health.ts';

export interface StartGatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph (by its name in the supergraph) really runs; overrides the composed default. */
  subgraphUrls: Record<string, string>;
  /** How bearer tokens are verified. */
  identity: IdentityOptions;
  /** The gateway's private key for the requester context it forwards; subgraphs hold the public half. */
  contextSigningKey: CryptoKey;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  queryLimits?: QueryLimits;
  log?: (message: string) => void;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const wantsHtml = (req: IncomingMessage) => req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const log = options.log ?? ((message: string) => console.log(`[gateway] ${message}`));
  // The graph runs offline on children's data and calls out to no one. @apollo/gateway otherwise
  // sends usage metrics to Apollo and, to label them, asks the cloud metadata servers (AWS, GCP,
  // Azure, Alibaba) where it runs; this variable is its only switch, read when it is constructed.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new RequesterContextDataSource({ url: options.subgraphUrls[name] ?? url }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    // @apollo/server 5 types `gateway` against gateway-interface 2; @apollo/gateway 2 implements 1, which works at run
    // time.
    gateway: gateway as unknown as ConstructorParameters<typeof ApolloServer>[0] extends { gateway?: infer G }
      ? G
      : never,
    includeStacktraceInErrorResponses: false,
    validationRules: [queryLimitsRule(options.queryLimits ?? DEFAULT_QUERY_LIMITS)],
    formatError: formatError((message, error) => log(`${message}: ${(error as Error)?.stack ?? error}`)),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  });
  await apollo.start();

  const http = createHttpServer(async (req, res, path) => {
    if (path === '/health') {
      const subgraphs = await checkSubgraphs(options.subgraphUrls);
      const healthy = Object.values(subgraphs).every((status) => status === 'ok');
      return sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', subgraphs });
    }
    if (path === '/' || (path === '/graphql' && wantsHtml(req))) return sendGraphiQLPage(res);
    if (await sendGraphiQLAsset(path, res)) return;
    if (path !== '/graphql') return sendNotFound(res, path);
    await handleGraphQLRequest(apollo, req, res, async () => {
      const requester = await authenticate(req, options.identity);
      const requestId = randomUUID();
      return {
        requestId,
        requesterContextToken: await signRequesterContext(options.contextSigningKey, requester, requestId),
      };
    });
  }, log);
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await listen(http, {
      port: options.port,
      host,
      portVariable: portVariable('gateway'),
      service: 'the gateway',
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
    port,
    stop: async () => {
      await closeGracefully(http);
      await apollo.stop();
    },
  };
}
