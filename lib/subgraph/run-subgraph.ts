import { identityFromEnv, importOptionalJwkFromEnv } from '../auth/keys.ts';
import { SUBGRAPH_NAMES } from '../../policy/agencies.ts';
import type { CryptoKey } from 'jose';
import { readConfig, type Config } from '../config/config.ts';
import type { DemoDataStep } from '../db/demo-data.ts';
import { createLogger } from '../server/logger.ts';
import { exitWithStartupError } from '../config/startup-error.ts';
import { stopOnSignals } from '../server/stop-on-signals.ts';
import { startSubgraph, type StartSubgraphOptions } from './start-subgraph.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

/** The agency subgraphs' public identity keys, `<NAME>_IDENTITY_PUBLIC_JWK`, for the SIP core. */
async function agencyIdentityKeys() {
  const keys = await Promise.all(
    SUBGRAPH_NAMES.map(
      async (name) => [name, await importOptionalJwkFromEnv(`${name.toUpperCase()}_IDENTITY_PUBLIC_JWK`)] as const,
    ),
  );
  return Object.fromEntries(keys.filter(([, key]) => key !== undefined)) as Record<string, CryptoKey>;
}

/**
 * Entry point of a subgraph running as its own process (one container per agency). Demo data,
 * when given, is written unless SEED_DEMO_DATA=false. `consent` is for the benchmark's own entry
 * point (`bench/deployed/service.ts`) only: configuration never reaches it.
 */
export async function runSubgraph<TPrisma extends SubgraphPrisma | null, TContext extends RequestContext, TSource>(
  definition: SubgraphDefinition<TPrisma, TContext, TSource>,
  demoData?: ReadonlyArray<DemoDataStep<never>>,
  jobs?: (config: Config) => StartSubgraphOptions['jobs'],
  consent: StartSubgraphOptions['consent'] = 'enforced',
) {
  try {
    const config = readConfig();
    const running = await startSubgraph(definition, {
      database: definition.createPrisma && config.databaseLocation(definition.name),
      source: definition.source && config.sourceLocation(definition.name, definition.source.variable),
      port: config.port(definition.name),
      host: config.host,
      demoData: config.seedDemoData ? demoData : undefined,
      logger: createLogger(config.logLevel),
      identity: await identityFromEnv(config.auth),
      // Without its identity key an agency subgraph gets no consent decisions: its guarded fields are withheld.
      identityKey: await importOptionalJwkFromEnv('SUBGRAPH_IDENTITY_PRIVATE_JWK'),
      subgraphIdentityKeys: await agencyIdentityKeys(),
      subgraphUrl: config.subgraphUrl,
      consentTimeoutMs: config.consentTimeoutMs,
      jobs: jobs?.(config),
      consent,
    });
    console.log(`[${definition.name}] subgraph ready at ${running.url}`);
    stopOnSignals(running.stop);
  } catch (error) {
    exitWithStartupError(error);
  }
}
