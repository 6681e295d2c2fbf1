import { identityFromEnv } from '../lib/auth/keys.ts';
import { readConfig, SUBGRAPH_NAMES } from '../lib/config/config.ts';
import { createLogger } from '../lib/server/logger.ts';
import { stopOnSignals } from '../lib/server/stop-on-signals.ts';
import { exitWithStartupError } from '../lib/config/startup-error.ts';
import { startGateway } from './start-gateway.ts';
import { readSupergraph } from './supergraph.ts';

/** The gateway as its own process; subgraphs are found through <NAME>_URL. */
try {
  const config = readConfig();
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, config.subgraphUrl(name)])),
    port: config.port('gateway'),
    host: config.host,
    identity: await identityFromEnv(config.auth),
    queryLimits: config.queryLimits,
    introspection: config.introspection,
    limits: config.gatewayLimits,
    signInIssuer: config.auth.signInIssuer,
    logger: createLogger(config.logLevel),
  });
  console.log(`[gateway] ready at ${gateway.url}`);
  stopOnSignals(gateway.stop);
} catch (error) {
  exitWithStartupError(error);
}
