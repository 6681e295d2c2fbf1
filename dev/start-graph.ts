import type { IdentityOptions } from '../lib/auth/identity-token.ts';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../gateway/start-gateway.ts';
import { readSupergraph } from '../gateway/supergraph.ts';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../gateway/query-limits.ts';
import type { IntrospectionAccess } from '../lib/config/config.ts';
import type { PersonaTokens } from '../gateway/graphiql.ts';
import { generateSigningKeyPair, type KeyPair } from '../lib/auth/keys.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import { DEFAULT_SUMMONS_FROM, SUBGRAPH_NAMES, type SubgraphName } from '../lib/config/config.ts';
import type { DatabaseLocation } from '../lib/db/database.ts';
import type { Logger } from '../lib/server/logger.ts';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '../lib/subgraph/start-subgraph.ts';
import type { AnySubgraphDefinition, SubgraphPrisma } from '../lib/subgraph/subgraph-definition.ts';
import { allSubgraphs } from '../subgraphs/index.ts';
import { DEMO_DATA, DEMO_SOURCE_RECORDS } from './demo/index.ts';
import type { SourceLocation } from '../lib/source/source-system.ts';
import { hasStandIn, STAND_INS, type StandIn, type StandInRecords } from '../standins/stand-ins.ts';
import type { PrismaClient as SipPrisma } from '../prisma/sip/client/client.ts';
import { anchorJob, type AuditAnchorOptions } from '../subgraphs/sip/consent-authority/audit/chain-anchor.ts';
import { auditLogJobs } from '../subgraphs/sip/consent-authority/audit/log-jobs.ts';
import { startMailStandIn, type RunningMailStandIn } from '../standins/mail/mail-stand-in.ts';
import { summonsDeliveryJob } from '../subgraphs/sip/workflow/meetings/summons-delivery.ts';
import {
  startIdentityProvider,
  type IdentityProviderOptions,
  type RunningIdentityProvider,
} from '../standins/identity-provider/identity-provider.ts';

export interface StartGraphOptions {
  /** The database of each subgraph that keeps records of its own. */
  database: (name: SubgraphName) => DatabaseLocation;
  /**
   * Where the agency system a subgraph adapts answers (see `Config.sourceLocation`); where this says
   * nothing, the graph starts that system's local stand-in (`standins/`) with the demo's records.
   */
  source?: (name: SubgraphName, variable: string) => SourceLocation | undefined;
  port: (service: SubgraphName | 'gateway') => number;
  host?: string;
  /** Write the demo data (`dev/demo/`) into databases that hold no other data. */
  seed?: boolean;
  clock?: Clock;
  logger?: Logger;
  supergraphSdl?: string;
  identity: IdentityOptions;
  consentTimeoutMs?: number;
  queryLimits?: QueryLimits;
  introspection?: IntrospectionAccess;
  gatewayLimits?: StartGatewayOptions['limits'];
  observeSubgraphFetch?: StartGatewayOptions['observeSubgraphFetch'];
  /** Development only: the demo personas' tokens, offered in GraphiQL. */
  personaTokens?: PersonaTokens;
  consent?: StartSubgraphOptions['consent'];
  /** Told what begins now while the graph starts. */
  progress?: (stage: string) => void;
  /** Where the SIP core anchors its audit chains, outside its database; by default nowhere. */
  auditAnchor?: AuditAnchorOptions;
  /**
   * The log's upkeep as a deployment runs it: next months' partitions, the review's catch-up every
   * 30 s (npm start). Tests leave it off: reviewQueue catches up itself, and a job would add queries
   * to the ones they count.
   */
  logUpkeep?: boolean;
  /** Each subgraph's identity key pair; by default made for this run. */
  identityKeys?: Record<SubgraphName, KeyPair>;
  /**
   * Development: run the local identity provider (a real OpenID provider with the demo personas),
   * which the apps sign in with; the graph accepts its tokens beside `identity`'s.
   */
  identityProvider?: Omit<IdentityProviderOptions, 'host'>;
  /**
   * Development: run the local mail stand-in (an SMTP server with a page of what it received) and
   * deliver summonses to it by e-mail, looking at the outbox every `intervalMs`.
   */
  mail?: { pagePort: number; intervalMs: number };
}

export type RunningStandIns = { [Name in keyof StandInRecords]?: StandIn<StandInRecords[Name]> };

export interface RunningGraph {
  gateway: RunningGateway;
  /** The local identity provider, when one was asked for. */
  identityProvider?: RunningIdentityProvider;
  /** The local mail stand-in, when one was asked for. */
  mail?: RunningMailStandIn;
  subgraphs: Record<SubgraphName, RunningSubgraph<SubgraphPrisma | null>>;
  /** The local stand-ins of the agency systems no configuration pointed at. */
  standIns: RunningStandIns;
  stop(): Promise<void>;
}

/**
 * Fills the stand-ins with the demo's records for the children the SIP core registered: the
 * agency systems know them by the personnummer the SIP core's demo gave them.
 */
export async function seedStandIns(sip: SipPrisma, standIns: RunningStandIns, now: Date): Promise<void> {
  const children = await sip.child.findMany({ select: { id: true, personnummer: true } });
  const personnummer = new Map(children.map(({ id, personnummer }) => [id, personnummer]));
  await Promise.all(
    Object.entries(standIns).map(async ([name, standIn]) => {
      // From empty every time, like the in-memory ones: the case system's stand-in keeps its database between starts.
      await standIn.reset();
      await (standIn as StandIn<unknown>).load(DEMO_SOURCE_RECORDS[name as keyof StandInRecords](personnummer, now));
    }),
  );
}

/** The stand-ins of the systems `source` does not locate, started together. */
async function startStandIns(options: StartGraphOptions): Promise<RunningStandIns> {
  const needed = allSubgraphs.filter(
    (definition) => definition.source && !options.source?.(definition.name, definition.source.variable),
  );
  const started: RunningStandIns = {};
  const results = await Promise.allSettled(
    needed.map(async ({ name }) => {
      if (!hasStandIn(name)) throw new Error(`the ${name} subgraph's system has no local stand-in: configure it`);
      (started as Record<string, StandIn<unknown>>)[name] = await STAND_INS[name]({
        host: options.host,
        database: options.database(name),
      });
    }),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(Object.values(started).map((standIn) => standIn.stop()));
    throw failure.reason;
  }
  return started;
}

/**
 * The subgraphs and the gateway in one process, and the stand-ins of the agencies' systems beside
 * it: `npm start`, and every integration test.
 */
export async function startGraph(graphOptions: StartGraphOptions): Promise<RunningGraph> {
  const identityProvider =
    graphOptions.identityProvider &&
    (await startIdentityProvider({ ...graphOptions.identityProvider, host: graphOptions.host }));
  const mail =
    graphOptions.mail && (await startMailStandIn({ host: graphOptions.host, pagePort: graphOptions.mail.pagePort }));
  const { issuer } = graphOptions.identity;
  const options: StartGraphOptions = identityProvider
    ? {
        ...graphOptions,
        identity: { ...graphOptions.identity, issuer: [issuer, identityProvider.issuer].flat() },
      }
    : graphOptions;
  try {
    return await startWith(options, { identityProvider, mail });
  } catch (error) {
    await identityProvider?.stop();
    await mail?.stop();
    throw error;
  }
}

async function startWith(
  options: StartGraphOptions,
  { identityProvider, mail }: { identityProvider?: RunningIdentityProvider; mail?: RunningMailStandIn },
): Promise<RunningGraph> {
  // Each agency subgraph signs its requests for consent decisions with a key of its own.
  const identityKeys =
    options.identityKeys ??
    (Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await generateSigningKeyPair()] as const)),
    ) as Record<SubgraphName, KeyPair>);
  const started: RunningSubgraph<SubgraphPrisma | null>[] = [];
  options.progress?.('starting the local stand-ins of the agencies’ systems');
  // Beside the SIP core's start: the agencies need them, the SIP core does not.
  const startingStandIns = startStandIns(options);
  let standIns: RunningStandIns = {};
  // The agencies first: their last release confirmations go to the SIP core as they stop.
  const stopSubgraphs = async () => {
    await Promise.all(started.filter((subgraph) => subgraph.name !== 'sip').map((subgraph) => subgraph.stop()));
    await Promise.all(started.filter((subgraph) => subgraph.name === 'sip').map((subgraph) => subgraph.stop()));
    const all = await startingStandIns.catch(() => ({}) as RunningStandIns);
    await Promise.all(Object.values(all).map((standIn) => standIn.stop()));
  };
  // Each finds the others by name once they listen; the SIP core starts first, the agencies ask it.
  const subgraphUrl = (name: SubgraphName) => started.find((subgraph) => subgraph.name === name)?.url;
  const start = async (definition: AnySubgraphDefinition) => {
    const subgraph = await startSubgraph(definition, {
      database: definition.createPrisma && options.database(definition.name),
      source: definition.source
        ? (options.source?.(definition.name, definition.source.variable) ??
          standIns[definition.name as keyof StandInRecords]?.location)
        : undefined,
      port: options.port(definition.name),
      host: options.host,
      demoData: options.seed ? DEMO_DATA[definition.name] : undefined,
      clock: options.clock,
      logger: options.logger,
      identity: options.identity,
      identityKey: identityKeys[definition.name].privateKey,
      subgraphIdentityKeys:
        definition.name === 'sip'
          ? Object.fromEntries(Object.entries(identityKeys).map(([name, keys]) => [name, keys.publicKey]))
          : undefined,
      subgraphUrl,
      consentTimeoutMs: options.consentTimeoutMs,
      consent: options.consent,
      jobs:
        definition.name === 'sip'
          ? [
              ...(options.auditAnchor ? [anchorJob(options.auditAnchor)] : []),
              ...(options.logUpkeep ? auditLogJobs() : []),
              ...(mail && options.mail
                ? [
                    summonsDeliveryJob({
                      smtpUrl: mail.smtpUrl,
                      from: DEFAULT_SUMMONS_FROM,
                      intervalMs: options.mail.intervalMs,
                    }),
                  ]
                : []),
            ]
          : [],
      progress: options.progress,
    });
    started.push(subgraph);
    return subgraph;
  };
  try {
    // The SIP core first: the agencies ask it for consent decisions. They start together; if one fails, all stop.
    const [sipDefinition, ...agencyDefinitions] = allSubgraphs;
    const [sipStarted, standInsStarted] = await Promise.allSettled([start(sipDefinition), startingStandIns]);
    if (sipStarted.status === 'rejected') throw sipStarted.reason;
    if (standInsStarted.status === 'rejected') throw standInsStarted.reason;
    const sip = sipStarted.value;
    standIns = standInsStarted.value;
    if (options.seed) {
      options.progress?.('filling the stand-ins with the demo’s records');
      await seedStandIns(sip.prisma as unknown as SipPrisma, standIns, (options.clock ?? systemClock)());
    }
    const results = await Promise.allSettled(agencyDefinitions.map((definition) => start(definition)));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const subgraphs = Object.fromEntries(
      started.map((subgraph) => [subgraph.name, subgraph]),
    ) as RunningGraph['subgraphs'];
    options.progress?.('gateway: composing the graph and starting');
    const gateway = await startGateway({
      supergraphSdl: options.supergraphSdl ?? readSupergraph(),
      subgraphUrls: Object.fromEntries(started.map((subgraph) => [subgraph.name, subgraph.url])),
      port: options.port('gateway'),
      host: options.host,
      identity: options.identity,
      queryLimits: options.queryLimits ?? DEFAULT_QUERY_LIMITS,
      introspection: options.introspection,
      limits: options.gatewayLimits,
      observeSubgraphFetch: options.observeSubgraphFetch,
      personaTokens: options.personaTokens,
      signInIssuer: identityProvider?.issuer,
      logger: options.logger,
    });
    identityProvider?.serveAppsAt(gateway.url);
    return {
      gateway,
      identityProvider,
      mail,
      subgraphs,
      standIns,
      stop: async () => {
        await gateway.stop();
        await stopSubgraphs();
        await identityProvider?.stop();
        await mail?.stop();
      },
    };
  } catch (error) {
    await stopSubgraphs();
    throw error;
  }
}
