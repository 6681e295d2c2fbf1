import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { CryptoKey } from 'jose';
import { createIdentityVerifier, type IdentityOptions } from '../auth/identity-token.ts';
import { createSubgraphIdentityVerifier, createSubgraphSignatureCheck } from '../auth/subgraph-identity.ts';
import { SUBGRAPH_AGENCY } from '../../policy/agencies.ts';
import { systemClock, type Clock } from '../clock.ts';
import { portClaim, type SubgraphName } from '../config/config.ts';
import { withheldFieldsPlugin } from '../consent/withheld-fields.plugin.ts';
import { introspectionAccessPlugin } from '../server/introspection.ts';
import type { DatabaseLocation } from '../db/database.ts';
import type { DemoDataStep } from '../db/demo-data.ts';
import { buildFederatedSchema } from '../federation/build-federated-schema.ts';
import { SubgraphShapeError } from '../federation/subgraph-shape-error.ts';
import { UNIT_CONTACT_PATH, unitContactRoute } from './unit-contact.ts';
import { STAFF_DIRECTORY_PATH, staffDirectoryRoute } from './staff-directory.ts';
import { formatError } from '../server/format-error.ts';
import { createHttpApp, type RequestCounts } from '../server/http-app.ts';
import { assertPortsFree, listen } from '../server/listen.ts';
import { createLogger, type Logger } from '../server/logger.ts';
import { prepareDatabase } from './prepare-database.ts';
import { requestContextFactory } from './request-context.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';
import { ConfigError, sourceVariables } from '../config/config.ts';
import type { SourceLocation, SourceSystem } from '../source/source-system.ts';
import { serveSubgraph } from './subgraph-http.ts';

export interface StartSubgraphOptions {
  /** The subgraph's own database; not needed by a subgraph that keeps no records of its own. */
  database?: DatabaseLocation;
  /** Where the agency system a subgraph adapts answers (its FHIR server, its SS 12000 API). */
  source?: SourceLocation;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Demo data to write, step by step, into a database that holds no other data. */
  demoData?: ReadonlyArray<DemoDataStep<never>>;
  clock?: Clock;
  logger?: Logger;
  /** How the identity provider's tokens are verified: only requests carrying a valid one are served. */
  identity: IdentityOptions;
  /** This subgraph's own identity key: it signs each request for consent decisions with it. */
  identityKey?: CryptoKey;
  /** The SIP core only: the agency subgraphs' public identity keys; a subgraph without one is refused decisions. */
  subgraphIdentityKeys?: Readonly<Record<string, CryptoKey>>;
  /**
   * Where the other subgraphs' GraphQL endpoints are: agency subgraphs ask the SIP core for consent
   * decisions; the SIP core asks an agency whether a unit is in contact with a child.
   */
  subgraphUrl?: (name: SubgraphName) => string | undefined;
  /** A consent decision slower than this withholds the field (default 2000 ms). */
  consentTimeoutMs?: number;
  /**
   * 'enforced' always, except in the benchmark that measures what enforcement costs. Not
   * reachable from configuration: no environment variable turns consent off.
   */
  consent?: 'enforced' | 'disabled-for-benchmark';
  /** Told what begins now while the subgraph starts (npm start shows it). */
  progress?: (stage: string) => void;
  /** Work beside the requests (the SIP core anchoring its audit chains); each returns how to stop it. */
  jobs?: ReadonlyArray<(prisma: never, logger: Logger) => () => Promise<void>>;
}

export interface RunningSubgraph<TPrisma> {
  name: string;
  url: string;
  port: number;
  /** Its own database's client; null for a subgraph that keeps no records of its own. */
  prisma: TPrisma;
  /** The client of the agency system it adapts; null for a subgraph that adapts none. */
  source: unknown;
  requestCounts: RequestCounts;
  /** Sends the release confirmations waiting for a ride to the SIP core now (see `createReleaseOutbox`). */
  settleReleases(): Promise<void>;
  /** Forgets the children's personnummer the identity bridge remembered (tests that replace the SIP core's data). */
  forgetChildIdentities(): void;
  /** Finishes in-flight requests, then closes the server and the database. */
  stop(): Promise<void>;
}

/**
 * The client of the agency system a subgraph adapts, from where the configuration says it is. A
 * system that does not answer yet is reported, not fatal: the subgraph starts, its reads fail with
 * SOURCE_UNAVAILABLE and its /health says why until the system answers.
 */
async function connectSource<TSource>(
  name: string,
  system: SourceSystem<TSource> | undefined,
  location: SourceLocation | undefined,
  logger: Logger,
): Promise<TSource> {
  if (!system) return null as TSource;
  const variables = sourceVariables(name, system.variable);
  if (!location) throw new ConfigError(`the ${name} subgraph adapts ${system.label}: set ${variables.url}`);
  if (system.needsToken !== false && !location.token)
    throw new ConfigError(`the ${name} subgraph adapts ${system.label}: set ${variables.token} as well`);
  const client = system.connect(location);
  await system
    .check(client)
    .catch((error: Error) => logger.warn(`${system.label} does not answer yet: ${error.message}`));
  return client;
}

/**
 * An agency subgraph's routes with its unit-contact answer among them; an agency subgraph without
 * one could never confirm a contact, and emergency access would silently never open for its staff.
 */
function withUnitContactRoute<TPrisma extends SubgraphPrisma | null, TContext extends RequestContext, TSource>(
  definition: SubgraphDefinition<TPrisma, TContext, TSource>,
): SubgraphDefinition<TPrisma, TContext, TSource> {
  const agency = SUBGRAPH_AGENCY[definition.name];
  if (!agency) return definition;
  if (!definition.unitInContact)
    throw new SubgraphShapeError(
      `the ${definition.name} subgraph has no unitInContact: say what a unit in contact with a child is in its ` +
        'own system (see subgraphs/health/unit-contact.ts)',
    );
  return {
    ...definition,
    routes: {
      ...definition.routes,
      [UNIT_CONTACT_PATH]: unitContactRoute(agency, definition.unitInContact),
      ...(definition.staffDirectory && {
        [STAFF_DIRECTORY_PATH]: staffDirectoryRoute(agency, definition.staffDirectory),
      }),
    },
  };
}

/** Starts one subgraph: its sources, its schema with consent enforcement, and its HTTP server. */
export async function startSubgraph<TPrisma extends SubgraphPrisma | null, TContext extends RequestContext, TSource>(
  definition: SubgraphDefinition<TPrisma, TContext, TSource>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<TPrisma>> {
  const logger = (options.logger ?? createLogger('info')).child({ service: definition.name });
  const clock = options.clock ?? systemClock;
  const host = options.host ?? '127.0.0.1';
  const claim = portClaim(definition.name, options.port, host);
  await assertPortsFree([claim]);
  const cleanup: Array<() => Promise<void>> = [];
  // Last started, first stopped; taking the steps out makes a second stop() a no-op.
  const stop = async () => {
    for (const step of cleanup.splice(0).reverse()) {
      await step().catch((error) => logger.error({ err: error }, 'error while stopping'));
    }
  };
  try {
    const prisma = await prepareDatabase(
      definition,
      { location: options.database, demoData: options.demoData, clock, logger, progress: options.progress },
      cleanup,
    );
    const source = await connectSource(definition.name, definition.source, options.source, logger);
    const enforcement =
      options.consent === 'disabled-for-benchmark' ? undefined : { ownerAgency: SUBGRAPH_AGENCY[definition.name] };
    const { schema } = await buildFederatedSchema(definition.name, definition.schema, enforcement);

    const http = createHttpApp(logger);
    const apollo = new ApolloServer<TContext>({
      schema,
      includeStacktraceInErrorResponses: false,
      formatError: formatError((message, error) => logger.error({ err: error }, message)),
      plugins: [
        // On stop: no new connections, in-flight requests finish, then the database closes.
        ApolloServerPluginDrainHttpServer({ httpServer: http.server }),
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        withheldFieldsPlugin,
        // Introspection, directly at a subgraph as through the gateway: staff and privacy officers only.
        introspectionAccessPlugin('staff'),
      ],
      // No "Did you mean …?" suggestions: they spell out the schema to whoever may not read it.
      hideSchemaDetailsFromClientErrors: true,
    });
    await apollo.start();
    const requests = requestContextFactory(definition, {
      prisma,
      source,
      clock,
      subgraphUrl: options.subgraphUrl,
      consentTimeoutMs: options.consentTimeoutMs,
      identityKey: options.identityKey,
    });
    // On stop, after the last request: what it released is confirmed to the SIP core before the subgraph goes.
    cleanup.push(() => requests.outbox.flush());
    cleanup.push(() => apollo.stop());
    serveSubgraph(http, withUnitContactRoute(definition), {
      apollo,
      prisma,
      source,
      childIdentities: requests.childIdentities,
      clock,
      logger,
      verifyIdentity: createIdentityVerifier(options.identity),
      verifySubgraphIdentity: createSubgraphIdentityVerifier(
        options.subgraphIdentityKeys ?? {},
        definition.subgraphCallFirstUse?.(prisma),
      ),
      checkSubgraphSignature: createSubgraphSignatureCheck(options.subgraphIdentityKeys ?? {}),
      requestContext: requests.contextFor,
    });
    const port = await listen(http.server, claim);
    // Stopped before the server and the database, so that a job's last act still reaches them.
    for (const job of options.jobs ?? []) cleanup.push(job(prisma as never, logger));
    return {
      name: definition.name,
      url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
      port,
      prisma,
      source,
      requestCounts: http.requestCounts,
      settleReleases: () => requests.outbox.flush(),
      forgetChildIdentities: requests.childIdentities.forget,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
