import { importJwkFromEnv } from '../auth/keys.ts';
import { readDatabaseLocation, readPort, readSubgraphUrl } from '../config.ts';
import { exitWithStartupError } from '../server/startup-error.ts';
import { stopOnSignals } from '../server/graceful-close.ts';
import { startSubgraph } from './start-subgraph.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

/** Entry point of a subgraph running as its own process (one container per agency). */
export async function runSubgraph<TPrisma extends SubgraphPrisma, TContext extends RequestContext>(
  definition: SubgraphDefinition<TPrisma, TContext>,
) {
  try {
    const running = await startSubgraph(definition, {
      database: readDatabaseLocation(definition.name),
      port: readPort(definition.name),
      host: process.env.HOST || '127.0.0.1',
      seed: process.env.SEED_DEMO_DATA !== 'false',
      contextVerificationKey: await importJwkFromEnv('REQUESTER_CONTEXT_PUBLIC_JWK'),
      sipUrl: readSubgraphUrl('sip'),
      consentTimeoutMs: Number(process.env.CONSENT_TIMEOUT_MS) || undefined,
    });
    console.log(`[${definition.name}] subgraph ready at ${running.url}`);
    stopOnSignals(running.stop);
  } catch (error) {
    exitWithStartupError(error);
  }
}
