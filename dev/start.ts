/**
 * `npm start`: the whole graph in one process. Each subgraph gets its own embedded PostgreSQL
 * under .data/ (or the server named by <NAME>_DATABASE_URL), migrated and seeded with demo data.
 */
import { join } from 'node:path';
import { portClaims, readConfig } from '../lib/config/config.ts';
import { assertPortsFree } from '../lib/server/listen.ts';
import { exitWithStartupError } from '../lib/config/startup-error.ts';
import { startProgress } from './progress.ts';

try {
  const config = readConfig();
  // Before the graph's modules load (a second or more on a slow machine): a second `npm start`
  // says at once which port is taken.
  await assertPortsFree(portClaims(config.port, config.host));
  const progress = startProgress();
  progress.stage('loading the graph’s code');
  const { stopOnSignals } = await import('../lib/server/stop-on-signals.ts');
  const { DEMO_PERSONAS, demoPersonaTokens, persistentAnchorKey, persistentDevIdentity } =
    await import('./dev-identity.ts');
  const { startGraph } = await import('./start-graph.ts');
  const { createLogger } = await import('../lib/server/logger.ts');
  const dev = await persistentDevIdentity(join(config.dataDir, 'dev-identity-key.json'));
  const graph = await startGraph({
    identity: dev.identity,
    database: config.databaseLocation,
    source: config.sourceLocation,
    port: config.port,
    host: config.host,
    seed: config.seedDemoData,
    consentTimeoutMs: config.consentTimeoutMs,
    queryLimits: config.queryLimits,
    introspection: config.introspection,
    gatewayLimits: config.gatewayLimits,
    personaTokens: demoPersonaTokens(dev),
    identityProvider: {
      port: config.port('identity'),
      signingKey: dev.privateJwk,
      audience: dev.identity.audience,
      accounts: Object.values(DEMO_PERSONAS),
    },
    mail: { pagePort: config.port('mail'), intervalMs: 2_000 },
    logUpkeep: true,
    auditAnchor: {
      ...config.auditAnchor,
      key: config.auditAnchor.key ?? persistentAnchorKey(config.dataDir),
    },
    logger: createLogger(config.logLevel),
    progress: progress.stage,
  });
  progress.done();
  for (const subgraph of Object.values(graph.subgraphs))
    console.log(`  ${subgraph.name.padEnd(7)} subgraph  ${subgraph.url}`);
  for (const [name, standIn] of Object.entries(graph.standIns))
    console.log(`  ${name.padEnd(7)} stand-in  ${standIn.location.url}  (the agency's own system, with demo records)`);
  console.log(`\nSIP graph ready: ${graph.gateway.url}`);
  console.log(`GraphiQL (works offline): open ${graph.gateway.url} in a browser and choose a demo persona`);
  console.log(`Privacy officer's console: ${new URL('/privacy', graph.gateway.url)}`);
  console.log(`Families' app: ${new URL('/familj', graph.gateway.url)}`);
  console.log(`Coordinator's workspace: ${new URL('/samordning', graph.gateway.url)}`);
  console.log(`Sign-in (local OpenID provider, demo personas): ${graph.identityProvider?.issuer}`);
  console.log(`Summonses sent by e-mail (local mail server): ${graph.mail?.pageUrl}`);
  console.log('\nDemo tokens (valid 12 h; send as the header  Authorization: Bearer <token>):');
  for (const [persona, claims] of Object.entries(DEMO_PERSONAS))
    console.log(`\n  ${persona}:\n  ${await dev.issueToken(claims)}`);
  stopOnSignals(graph.stop);
} catch (error) {
  exitWithStartupError(error);
}
