import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import type { CryptoKey } from 'jose';
import { SUBGRAPH_AGENCY } from '../../schema/agencies.ts';
import { REQUESTER_CONTEXT_HEADER, verifyRequesterContext, type RequesterContext } from '../auth/requester-context.ts';
import { systemClock, type Clock } from '../clock.ts';
import { createConsentDecisionLoader } from '../consent/consent-decision.loader.ts';
import { withheldFieldsPlugin } from '../consent/withheld-fields.plugin.ts';
import { ErrorCode } from '../errors.ts';
import { portVariable } from '../config.ts';
import { openDatabase, type DatabaseLocation } from '../db/database.ts';
import { writeDemoData } from '../db/demo-data.ts';
import { applyMigrations, readMigrations } from '../db/migrate.ts';
import { prismaOptions } from '../db/prisma-options.ts';
import { buildFederatedSchema } from '../federation/build-federated-schema.ts';
import { closeGracefully } from '../server/graceful-close.ts';
import { formatError } from '../server/format-error.ts';
import { handleGraphQLRequest, HttpRequestError, sendGraphQLError, sendJson } from '../server/graphql-http-handler.ts';
import { createHttpServer, sendNotFound, type RequestCounts } from '../server/http-server.ts';
import { assertPortsFree, listen, type PortClaim } from '../server/listen.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

export interface StartSubgraphOptions {
  database: DatabaseLocation;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Insert demo data into an empty database. */
  seed?: boolean;
  clock?: Clock;
  log?: (message: string) => void;
  /** The gateway's public key: only requests carrying a context it signed are served. */
  contextVerificationKey: CryptoKey;
  /** The SIP core's GraphQL URL, where agency subgraphs ask for consent decisions. */
  sipUrl?: string;
  /** A consent decision slower than this withholds the field (default 2000 ms). */
  consentTimeoutMs?: number;
  /**
   * 'enforced' always, except in the benchmark that measures what enforcement costs. Not
   * reachable from configuration: no environment variable turns consent off.
   */
  consent?: 'enforced' | 'disabled-for-benchmark';
}

export interface RunningSubgraph<TPrisma> {
  name: string;
  url: string;
  port: number;
  prisma: TPrisma;
  requestCounts: RequestCounts;
  /** Finishes in-flight requests, then closes the server and the database. */
  stop(): Promise<void>;
}

// Subgraphs serve the gateway only: _entities, _service and every field need its signed context.
const UNAUTHENTICATED = new HttpRequestError(
  401,
  ErrorCode.Unauthenticated,
  'Unauthenticated: subgraphs accept only requests with a requester context signed by the gateway',
);

const MIGRATIONS_ROOT = join(import.meta.dirname, '..', '..', 'prisma');

export async function startSubgraph<TPrisma extends SubgraphPrisma, TContext extends RequestContext>(
  definition: SubgraphDefinition<TPrisma, TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<TPrisma>> {
  const log = options.log ?? ((message: string) => console.log(`[${definition.name}] ${message}`));
  const clock = options.clock ?? systemClock;
  const host = options.host ?? '127.0.0.1';
  const portClaim: PortClaim = {
    port: options.port,
    host,
    portVariable: portVariable(definition.name),
    service: `the ${definition.name} subgraph`,
  };
  await assertPortsFree([portClaim]);
  const database = await openDatabase(definition.name, options.database);
  const cleanup: Array<() => Promise<void>> = [() => database.close()];
  // Last started, first stopped; taking the steps out makes a second stop() a no-op.
  const runCleanup = async () => {
    for (const step of cleanup.splice(0).reverse())
      await step().catch((error) => log(`error while stopping: ${error}`));
  };
  try {
    const applied = await applyMigrations(
      database.connectionString,
      readMigrations(join(MIGRATIONS_ROOT, definition.name, 'migrations')),
    );
    if (applied.length > 0) log(`applied migrations ${applied.join(', ')} to ${database.description}`);

    const prisma = definition.createPrisma(prismaOptions(database.connectionString, database.maxPoolSize));
    cleanup.push(() => prisma.$disconnect());
    if (options.seed) {
      const written = await writeDemoData(prisma, definition.demoData, clock);
      if (written.length > 0) log(`wrote demo data: ${written.join(', ')}`);
    }

    const enforcement =
      options.consent === 'disabled-for-benchmark' ? undefined : { ownerAgency: SUBGRAPH_AGENCY[definition.name] };
    const { schema } = await buildFederatedSchema(definition.schema, enforcement);
    const verifiedContext = (req: IncomingMessage) =>
      verifyRequesterContext(
        options.contextVerificationKey,
        req.headers[REQUESTER_CONTEXT_HEADER] as string | undefined,
      );
    const requestContext = (requesterContext: RequesterContext): TContext =>
      ({
        ...definition.createContext({ prisma, clock }),
        requester: requesterContext.requester,
        requestId: requesterContext.requestId,
        consent: {
          withheld: [],
          decisions: createConsentDecisionLoader({
            // Without a SIP core to ask, every decision fails and guarded fields are withheld.
            sipUrl: options.sipUrl ?? 'http://127.0.0.1:1/',
            requesterContextToken: requesterContext.token,
            subgraph: definition.name,
            timeoutMs: options.consentTimeoutMs ?? 2_000,
          }),
        },
      }) as unknown as TContext;
    const apollo = new ApolloServer<TContext>({
      schema,
      includeStacktraceInErrorResponses: false,
      formatError: formatError((message, error) => log(`${message}: ${(error as Error)?.stack ?? error}`)),
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        withheldFieldsPlugin,
      ],
    });
    await apollo.start();
    cleanup.push(() => apollo.stop());

    const requestCounts: RequestCounts = new Map();
    const http = createHttpServer(
      async (req, res, path) => {
        if (path === '/health') {
          const healthy = await prisma.$queryRawUnsafe('SELECT 1').then(
            () => true,
            () => false,
          );
          return sendJson(res, healthy ? 200 : 503, {
            status: healthy ? 'ok' : 'database unavailable',
            subgraph: definition.name,
          });
        }
        const route = definition.routes?.[path];
        if (path !== '/graphql' && !route) return sendNotFound(res, path);
        const requesterContext = await verifiedContext(req);
        if (!requesterContext) return sendGraphQLError(res, UNAUTHENTICATED);
        if (route) return route(req, res, { prisma, clock, requesterContext });
        await handleGraphQLRequest(apollo, req, res, async () => requestContext(requesterContext));
      },
      log,
      requestCounts,
    );
    const port = await listen(http, portClaim);
    // Stop accepting first, so no request starts against a closing database.
    cleanup.push(() => closeGracefully(http));

    return {
      name: definition.name,
      url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
      port,
      prisma,
      requestCounts,
      stop: runCleanup,
    };
  } catch (error) {
    await runCleanup();
    throw error;
  }
}
