import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PrismaPg } from '@prisma/adapter-pg';
import { systemClock, type Clock } from '../clock.ts';
import { portVariable } from '../config.ts';
import { openDatabase, type DatabaseLocation } from '../db/database.ts';
import { applyMigrations, readMigrations } from '../db/migrate.ts';
import { buildFederatedSchema } from '../federation/build-federated-schema.ts';
import { closeGracefully } from '../server/graceful-close.ts';
import { formatError } from '../server/format-error.ts';
import { handleGraphQLRequest, sendJson } from '../server/graphql-http-handler.ts';
import { createHttpServer, sendNotFound } from '../server/http-server.ts';
import { listen } from '../server/listen.ts';
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
}

export interface RunningSubgraph<TPrisma> {
  name: string;
  url: string;
  port: number;
  prisma: TPrisma;
  /** Finishes in-flight requests, then closes the server and the database. */
  stop(): Promise<void>;
}

const MIGRATIONS_ROOT = join(import.meta.dirname, '..', '..', 'prisma');

export async function startSubgraph<TPrisma extends SubgraphPrisma, TContext extends object>(
  definition: SubgraphDefinition<TPrisma, TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<TPrisma>> {
  const log = options.log ?? ((message: string) => console.log(`[${definition.name}] ${message}`));
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(definition.name, options.database);
  const cleanup: Array<() => Promise<void>> = [() => database.close()];
  const runCleanup = async () => {
    for (const step of cleanup.reverse()) await step().catch((error) => log(`error while stopping: ${error}`));
  };
  try {
    const applied = await applyMigrations(database.connectionString, readMigrations(join(MIGRATIONS_ROOT, definition.name, 'migrations')));
    if (applied.length > 0) log(`applied migrations ${applied.join(', ')} to ${database.description}`);

    const prisma = definition.createPrisma({
      adapter: new PrismaPg({ connectionString: database.connectionString }),
      log: [{ emit: 'event', level: 'query' }],
    });
    cleanup.push(() => prisma.$disconnect());
    if (options.seed) await definition.seed(prisma);

    const { schema } = await buildFederatedSchema(definition.schema);
    const apollo = new ApolloServer<TContext>({
      schema,
      includeStacktraceInErrorResponses: false,
      formatError: formatError((message, error) => log(`${message}: ${(error as Error)?.stack ?? error}`)),
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    });
    await apollo.start();
    cleanup.push(() => apollo.stop());

    const http = createHttpServer(async (req, res, path) => {
      if (path === '/health') {
        const healthy = await prisma.$queryRawUnsafe('SELECT 1').then(() => true, () => false);
        return sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'database unavailable', subgraph: definition.name });
      }
      if (path !== '/graphql') return sendNotFound(res, path);
      await handleGraphQLRequest(apollo, req, res, async () => definition.createContext({ prisma, clock }));
    }, log);
    const host = options.host ?? '127.0.0.1';
    const port = await listen(http, { port: options.port, host, portVariable: portVariable(definition.name), service: `the ${definition.name} subgraph` });
    // Stop accepting first, so no request starts against a closing database.
    cleanup.push(() => closeGracefully(http));

    return {
      name: definition.name,
      url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
      port,
      prisma,
      stop: runCleanup,
    };
  } catch (error) {
    await runCleanup();
    throw error;
  }
}
