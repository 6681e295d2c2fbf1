import { importJwkFromEnv } from '../lib/auth/keys.ts';
import { readPort, readSubgraphUrl, SUBGRAPH_NAMES } from '../lib/config.ts';
import { stopOnSignals } from '../lib/server/graceful-close.ts';
import { exitWithStartupError } from '../lib/server/startup-error.ts';
import { readQueryLimits } from './query-limits.ts';
import { startGateway } from './start-gateway.ts';
import { readSupergraph } from './supergraph.ts';

/** The gateway as its own process; subgraphs are found through <NAME>_URL. */
try {
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, readSubgraphUrl(name)])),
    port: readPort('gateway'),
    host: process.env.HOST || '127.0.0.1',
    identity: {
      key: await importJwkFromEnv('AUTH_PUBLIC_JWK'),
      issuer: process.env.AUTH_ISSUER || 'sip-graph-dev',
      audience: process.env.AUTH_AUDIENCE || 'sip-graph',
    },
    contextSigningKey: await importJwkFromEnv('REQUESTER_CONTEXT_PRIVATE_JWK'),
    queryLimits: readQueryLimits(),
  });
  console.log(`[gateway] ready at ${gateway.url}`);
  stopOnSignals(gateway.stop);
} catch (error) {
  exitWithStartupError(error);
}
