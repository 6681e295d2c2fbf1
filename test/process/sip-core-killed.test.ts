import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, ephemeralDevIdentity, type DevIdentity } from '../../dev/dev-identity.ts';
import { demoChildren } from '../../dev/demo/people.ts';
import { DEMO_DATA } from '../../dev/demo/index.ts';
import { DEFAULT_QUERY_LIMITS } from '../../gateway/query-limits.ts';
import { startGateway, type RunningGateway } from '../../gateway/start-gateway.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { generateSigningKeyPair, type KeyPair } from '../../lib/auth/keys.ts';
import { silentLogger } from '../../lib/server/logger.ts';
import { startSubgraph, type RunningSubgraph } from '../../lib/subgraph/start-subgraph.ts';
import { allSubgraphs } from '../../subgraphs/index.ts';
import { prismaOptions } from '../../lib/db/prisma-options.ts';
import { PrismaClient as SipPrisma } from '../../prisma/sip/client/client.ts';
import { STAND_INS, type StandIn } from '../../standins/stand-ins.ts';
import { seedStandIns, type RunningStandIns } from '../../dev/start-graph.ts';
import { createTestDatabases, type TestDatabases } from '../support/test-databases.ts';
import { postGraphQL, type GraphQLResponse } from '../support/test-graph.ts';

const root = join(import.meta.dirname, '..', '..');
const AGENCIES = ['school', 'social', 'health'] as const;
const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`;
const FAMILY_LOG = `query ($id: ID!) { childAccessLog(childId: $id, first: 500) {
  requestId requesterName scope granted release } }`;

/** A port free now, for a process that must come back on the same one. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * The SIP core as its own process (as in a deployment), on a PostgreSQL server database, killed
 * with SIGKILL while a burst of reads is in flight and started again: the family's log, read
 * afterwards, holds an entry for every value that reached a reader, and the chain is whole.
 */
describe('the family’s log after the SIP core was killed mid-request', () => {
  let databases: TestDatabases;
  let identityKeys: Record<(typeof AGENCIES)[number], KeyPair>;
  let dev: DevIdentity;
  let sipPort: number;
  let sip: ChildProcess | undefined;
  const agencies: RunningSubgraph<unknown>[] = [];
  let gateway: RunningGateway;
  const standIns: RunningStandIns = {};

  const startSipCore = async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev/run-subgraph.ts', 'sip'], {
      cwd: root,
      env: {
        ...process.env,
        SIP_PORT: String(sipPort),
        SIP_DATABASE_URL: (databases.location('sip') as { url: string }).url,
        AUTH_PUBLIC_JWK: JSON.stringify(dev.publicJwk),
        ...Object.fromEntries(
          AGENCIES.map((name) => [
            `${name.toUpperCase()}_IDENTITY_PUBLIC_JWK`,
            JSON.stringify(identityKeys[name].publicJwk),
          ]),
        ),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    // It migrates and seeds its database first: on a busy machine that is a real wait.
    const deadline = Date.now() + 5 * 60_000;
    while (!output.includes('[sip] subgraph ready')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the SIP core did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return child;
  };
  const ask = async (query: string, variables: object, as: keyof typeof DEMO_PERSONAS): Promise<GraphQLResponse> =>
    postGraphQL(
      gateway.url,
      { query, variables },
      { authorization: `Bearer ${await dev.issueToken(DEMO_PERSONAS[as])}` },
    );

  beforeAll(async () => {
    databases = await createTestDatabases(['sip'], { kind: 'server', runId: `killed${process.pid}` });
    [dev, sipPort] = await Promise.all([ephemeralDevIdentity(), freePort()]);
    identityKeys = Object.fromEntries(
      await Promise.all(AGENCIES.map(async (name) => [name, await generateSigningKeyPair()] as const)),
    ) as typeof identityKeys;
    sip = await startSipCore();
    const sipUrl = `http://127.0.0.1:${sipPort}/graphql`;
    // The agencies' own systems, filled for the children the SIP core registered.
    for (const name of AGENCIES)
      (standIns as Record<string, StandIn<unknown>>)[name] = await STAND_INS[name]({ database: { kind: 'embedded' } });
    const sipDatabase = new SipPrisma(prismaOptions((databases.location('sip') as { url: string }).url, 1));
    await seedStandIns(sipDatabase, standIns, new Date());
    await sipDatabase.$disconnect();
    for (const name of AGENCIES) {
      agencies.push(
        await startSubgraph(
          allSubgraphs.find((definition) => definition.name === name)!,
          {
            database: { kind: 'embedded' },
            source: standIns[name]!.location,
            port: 0,
            demoData: DEMO_DATA[name],
            logger: silentLogger(),
            identity: dev.identity,
            identityKey: identityKeys[name].privateKey,
            subgraphUrl: (name) => (name === 'sip' ? sipUrl : undefined),
            consentTimeoutMs: 30_000,
          },
        ),
      );
    }
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { sip: sipUrl, ...Object.fromEntries(agencies.map((subgraph) => [subgraph.name, subgraph.url])) },
      identity: dev.identity,
      port: 0,
      queryLimits: DEFAULT_QUERY_LIMITS,
      logger: silentLogger(),
    });
  });
  afterAll(async () => {
    sip?.kill('SIGKILL');
    await gateway?.stop();
    for (const subgraph of agencies) await subgraph.stop();
    for (const standIn of Object.values(standIns)) await standIn.stop();
    await databases?.drop();
  });

  it('holds an entry for every value that reached a reader, and the chain is whole', async () => {
    const alva = demoChildren.alva.id;
    const before = await ask(READ, { id: alva }, 'school counsellor');
    expect(before.data?.child?.careContacts.length).toBeGreaterThan(0);

    // A burst of reads; the SIP core is killed as soon as the first of them is logged.
    const database = new pg.Client({ connectionString: (databases.location('sip') as { url: string }).url });
    await database.connect();
    const logged = async () => Number((await database.query(`SELECT count(*) AS n FROM "AuditGroup"`)).rows[0].n);
    const loggedBefore = await logged();
    const burst = Array.from({ length: 40 }, () => ask(READ, { id: alva }, 'school counsellor').catch(() => null));
    while ((await logged()) === loggedBefore) await new Promise((resolve) => setTimeout(resolve, 5));
    sip!.kill('SIGKILL');
    const responses = await Promise.all(burst);
    await database.end();
    const released = responses.filter((response) => (response?.data?.child?.careContacts?.length ?? 0) > 0).length;

    sip = await startSipCore();
    const log = await ask(FAMILY_LOG, { id: alva }, 'guardian (Maria Lindqvist)');
    expect(log.errors).toBeUndefined();
    const reads = (log.data!.childAccessLog as Array<Record<string, any>>).filter(
      (entry) => entry.scope === 'HEALTH_CARE_CONTACTS' && entry.requesterName === 'Karin Kurator',
    );
    // The read before the kill was confirmed; after it, every value a reader got has its entry,
    // shown as released or, where the confirmation died with the SIP core, as possibly seen.
    expect(reads.at(-1)).toMatchObject({ granted: true, release: 'RELEASED' });
    const mayHaveBeenSeen = reads.filter((entry) => ['RELEASED', 'UNCONFIRMED'].includes(entry.release));
    expect(mayHaveBeenSeen.length - 1).toBeGreaterThanOrEqual(released);
    expect(reads.every((entry) => entry.granted || entry.release === 'NOT_RELEASED')).toBe(true);

    const chain = await ask(`{ auditChainReport { intact firstBroken { table problem } } }`, {}, 'privacy officer');
    expect(chain.data?.auditChainReport).toEqual({ intact: true, firstBroken: null });
  });
});
