import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, ephemeralDevIdentity } from '../../../dev/dev-identity.ts';
import { silentLogger } from '../../../lib/server/logger.ts';
import { startSubgraph, type RunningSubgraph } from '../../../lib/subgraph/start-subgraph.ts';
import { sipSubgraph } from '../../../subgraphs/sip/subgraph.ts';
import { adminQuery, createTestDatabases, type TestDatabases } from '../../support/test-databases.ts';
import { postGraphQL } from '../../support/test-graph.ts';

/**
 * On a PostgreSQL server the tables' owner migrates them and the subgraph runs as a role of least
 * privilege: whoever takes the subgraph over can add to the log, never empty, rewrite or unguard it.
 * (An embedded database is one session of one user: there the anchors outside it find a rewrite.)
 */
describe.runIf(process.env.TEST_DATABASE === 'postgres')('the role a subgraph runs as', () => {
  const role = `sipgraph_test_app_${randomBytes(4).toString('hex')}`;
  let databases: TestDatabases;
  let subgraph: RunningSubgraph<unknown>;
  let runtime: pg.Client;
  beforeAll(async () => {
    databases = await createTestDatabases(['sip']);
    const owner = (databases.location('sip') as { url: string }).url;
    await adminQuery(`CREATE ROLE "${role}" LOGIN PASSWORD 'app'`);
    const url = new URL(owner);
    url.username = role;
    url.password = 'app';
    const dev = await ephemeralDevIdentity();
    subgraph = await startSubgraph(sipSubgraph, {
      database: { kind: 'server', url: url.toString(), migrationUrl: owner },
      port: 0,
      identity: dev.identity,
      logger: silentLogger(),
    });
    // A lookup that finds no one: a row of an append-only, chained table, written as that role.
    const response = await postGraphQL(
      subgraph.url,
      { query: '{ childByPersonnummer(personnummer: "20160229-9800", purpose: "initiera SIP") { id } }' },
      { authorization: `Bearer ${await dev.issueToken(DEMO_PERSONAS['social worker'])}` },
    );
    expect(response).toMatchObject({ data: { childByPersonnummer: null } });
    runtime = new pg.Client({ connectionString: url.toString() });
    await runtime.connect();
  });
  afterAll(async () => {
    await runtime?.end();
    await subgraph?.stop();
    await databases?.drop();
    await adminQuery(`DROP ROLE IF EXISTS "${role}"`);
  });

  it('serves, adds to the log and its chain, and reads its tables', async () => {
    const lookups = await runtime.query(`SELECT count(*)::int AS n FROM "PersonnummerLookup"`);
    expect(lookups.rows[0].n).toBe(1);
    const links = await runtime.query(`SELECT count(*)::int AS n FROM "AuditChainLink"`);
    expect(links.rows[0].n).toBe(1);
  });

  it.each([
    ['empty the log', `TRUNCATE "AuditGroup", "AuditChainLink"`, /permission denied/],
    ['turn its triggers off', `ALTER TABLE "AuditGroup" DISABLE TRIGGER ALL`, /must be owner/],
    ['switch every trigger off for the session', `SET session_replication_role = replica`, /permission denied/],
    ['remove a consent', `DELETE FROM "Consent"`, /permission denied/],
    ['rewrite a link of the chain', `UPDATE "AuditChainLink" SET "prev" = 'genesis'`, /permission denied/],
  ])('may not %s', async (_, statement, refusal) => {
    await expect(runtime.query(statement)).rejects.toThrow(refusal);
  });
});
