import { beforeEach, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { verifyChains } from '../../../subgraphs/sip/consent-authority/audit/verify-chain.ts';
import { ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const REPORT = `{ auditChainReport { intact checked firstBroken { table row problem } } }`;

/**
 * Tamper evidence: a change made around the database's triggers, as a superuser or a restored
 * backup could, is found and named by the chain check.
 */
describe('the hash chain of consents, withdrawals and the audit log', () => {
  let graph: TestGraph;
  let sql: (statement: string) => Promise<unknown>;
  beforeEach(async () => {
    graph = await startTestGraph();
    const prisma = graph.subgraphs.sip.prisma as any;
    // Every statement as the database owner with triggers off: what a superuser or a restore can do.
    sql = (statement) =>
      prisma.$transaction([
        prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
        prisma.$executeRawUnsafe(statement),
      ]);
    // Some reads, so the log has rows of its own.
    for (const as of ['school counsellor', 'nurse outside every SIP'] as const)
      await graph.query(
        `query ($id: ID!) { child(id: $id) { givenName openSocialCase { caseNumber } } }`,
        {
          id: demoChildren.alva.id,
        },
        as,
      );
  });
  const report = async () => (await ok(graph, REPORT, {}, 'privacy officer')).auditChainReport;

  it('holds for everything stored through the graph', async () => {
    expect(await report()).toEqual({ intact: true, checked: expect.any(Number), firstBroken: null });
    expect((await report()).checked).toBeGreaterThan(30);
  });

  it('names a consent changed behind the triggers', async () => {
    await sql(`UPDATE "Consent" SET "purpose" = 'ändrat i efterhand' WHERE "id" = '${demoConsentId(2)}'`);
    expect(await report()).toMatchObject({
      intact: false,
      firstBroken: { table: 'Consent', row: demoConsentId(2), problem: 'the row was changed after it was stored' },
    });
  });

  it('names a deleted audit record, and links deleted at the end', async () => {
    const prisma = graph.subgraphs.sip.prisma as any;
    const [row] = await prisma.auditGroup.findMany({ orderBy: { decidedAt: 'asc' }, take: 1, select: { id: true } });
    await sql(`DELETE FROM "AuditGroup" WHERE "id" = '${row.id}'`);
    expect((await report()).firstBroken).toEqual({
      table: 'AuditGroup',
      row: row.id,
      problem: 'the row was deleted',
    });
    await sql(`DELETE FROM "AuditChainLink" WHERE "table" = 'AuditGroup' AND "seq" = (SELECT max("seq")
      FROM "AuditChainLink" WHERE "table" = 'AuditGroup')`);
    expect((await report()).firstBroken).toEqual({
      table: 'AuditGroup',
      row: null,
      problem: 'the last links of the chain were deleted',
    });
  });

  it('names a row inserted around the chain, and a link rewritten', async () => {
    await sql(`INSERT INTO "AuditGroup" ("id", "requestId", "requesterSubject", "requesterRole", "childIds",
      "consentIds", "emergencyAccessIds", "kind", "fields", "subgraph", "granted", "decidedAt") VALUES
      ('99999999-0000-4000-8000-00000000abcd', 'forged', 'nobody', 'doctor', '{${demoChildren.alva.id}}', '{NULL}',
      '{NULL}', 'CROSS_AGENCY', '{}', 'health', true, now())`);
    expect((await report()).firstBroken).toEqual({
      table: 'AuditGroup',
      row: '99999999-0000-4000-8000-00000000abcd',
      problem: 'the row is not in the chain: it was inserted around it',
    });
    await sql(`UPDATE "AuditChainLink" SET "prev" = 'genesis' WHERE "table" = 'AuditGroup' AND "seq" = 2`);
    expect((await report()).firstBroken).toEqual({
      table: 'AuditGroup',
      row: null,
      problem: 'link 2 of the chain was changed',
    });
  });

  it('holds with hundreds of links in every chained table, each stored by a statement of its own', async () => {
    const prisma = graph.subgraphs.sip.prisma as any;
    // Copies of a stored row under a new key, one INSERT statement (one link) each, through the triggers;
    // a child table's copies hang on its parent's copies.
    const copies = (table: string, key: string, newKey: string, times: number) =>
      prisma.$executeRawUnsafe(`DO $$ DECLARE i int; BEGIN FOR i IN 1..${times} LOOP
        INSERT INTO "${table}" SELECT (jsonb_populate_record(NULL::"${table}",
          to_jsonb(t) || jsonb_build_object('${key}', ${newKey}))).* FROM "${table}" t LIMIT 1;
      END LOOP; END $$`);
    await copies('AuditGroup', 'id', 'gen_random_uuid()', 300);
    await copies('Consent', 'id', 'gen_random_uuid()', 12);
    await copies(
      'ConsentWithdrawal',
      'consentId',
      `(SELECT c."id" FROM "Consent" c WHERE NOT EXISTS
      (SELECT 1 FROM "ConsentWithdrawal" w WHERE w."consentId" = c."id") LIMIT 1)`,
      12,
    );
    await copies('Block', 'id', 'gen_random_uuid()', 24);
    for (const child of ['BlockLift', 'BlockedRecord'])
      await copies(
        child,
        'blockId',
        `(SELECT b."id" FROM "Block" b WHERE NOT EXISTS
        (SELECT 1 FROM "${child}" x WHERE x."blockId" = b."id") LIMIT 1)`,
        12,
      );
    for (const table of ['ReleaseGroup', 'EmergencyAccess', 'AuditReview', 'ConsentRelease', 'ConsentDecisionAudit'])
      await copies(table, 'id', 'gen_random_uuid()', 12);
    const links = await prisma.$queryRawUnsafe(
      `SELECT "table", max("seq")::int AS links FROM "AuditChainLink" GROUP BY "table"`,
    );
    const linksOf = Object.fromEntries(links.map((row: any) => [row.table, row.links]));
    expect(linksOf.AuditGroup).toBeGreaterThan(300);
    for (const table of ['Consent', 'ConsentWithdrawal', 'Block', 'BlockLift', 'BlockedRecord', 'ReleaseGroup'])
      expect(linksOf[table], table).toBeGreaterThan(10);
    expect(await report()).toEqual({ intact: true, checked: expect.any(Number), firstBroken: null });
    // And a change behind the triggers far down the chain is still found.
    await sql(`UPDATE "AuditChainLink" SET "prev" = 'genesis' WHERE "table" = 'AuditGroup' AND "seq" = 250`);
    expect((await report()).firstBroken).toEqual({
      table: 'AuditGroup',
      row: null,
      problem: 'link 250 of the chain was changed',
    });
  });

  it('holds while the graph keeps adding to the log as it is checked: no false alarm', async () => {
    const prisma = graph.subgraphs.sip.prisma as any;
    const insertOne = () =>
      prisma.$executeRawUnsafe(`INSERT INTO "AuditGroup" SELECT (jsonb_populate_record(NULL::"AuditGroup",
        to_jsonb(t) || jsonb_build_object('id', gen_random_uuid()))).* FROM "AuditGroup" t LIMIT 1`);
    let writing = true;
    const writer = (async () => {
      while (writing) await insertOne();
    })();
    try {
      for (let i = 0; i < 10; i++) expect((await report()).firstBroken).toBeNull();
    } finally {
      writing = false;
      await writer;
    }
  });

  describe('checked from where the last check found it intact', () => {
    const prisma = () => graph.subgraphs.sip.prisma as any;
    // A cross-agency read: one more row of the log, and its release confirmed.
    const readAgain = async () => {
      await graph.query(
        `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`,
        { id: demoChildren.alva.id },
        'school counsellor',
      );
      await graph.settleReleases();
    };

    it('checks only the rows added since, and ends where the full check does', async () => {
      await graph.settleReleases();
      const first = await verifyChains(prisma());
      await readAgain();
      const since = await verifyChains(prisma(), first.heads);
      const full = await verifyChains(prisma());
      expect(since).toMatchObject({ intact: true, firstBroken: null, heads: full.heads });
      expect(since.checked).toBeGreaterThan(0);
      expect(since.checked).toBe(full.checked - first.checked);
      expect(full.heads.AuditGroup.seq).toBeGreaterThan(first.heads.AuditGroup.seq);
    });

    it('names a row inserted around the chain, a new row changed, and the verified link rewritten', async () => {
      const { heads } = await verifyChains(prisma());
      await sql(`INSERT INTO "AuditGroup" SELECT (jsonb_populate_record(NULL::"AuditGroup",
        to_jsonb(t) || jsonb_build_object('id', gen_random_uuid()))).* FROM "AuditGroup" t LIMIT 1`);
      expect((await verifyChains(prisma(), heads)).firstBroken).toEqual({
        table: 'AuditGroup',
        row: null,
        problem: '1 rows are not in the chain: they were inserted around it',
      });

      const intact = (await verifyChains(prisma(), heads)).heads;
      await readAgain();
      const [added] = await prisma().$queryRawUnsafe(
        `SELECT unnest("rowKeys") AS id FROM "AuditChainLink" WHERE "table" = 'AuditGroup' ORDER BY "seq" DESC LIMIT 1`,
      );
      await sql(`UPDATE "AuditGroup" SET "granted" = NOT "granted" WHERE "id" = '${added.id}'`);
      expect((await verifyChains(prisma(), intact)).firstBroken).toEqual({
        table: 'AuditGroup',
        row: added.id,
        problem: 'the row was changed after it was stored',
      });

      const verified = heads.AuditGroup.seq;
      await sql(`UPDATE "AuditChainLink" SET "hash" = md5('x') WHERE "table" = 'AuditGroup' AND "seq" = ${verified}`);
      expect((await verifyChains(prisma(), heads)).firstBroken).toEqual({
        table: 'AuditGroup',
        row: null,
        problem: `link ${verified} differs from the last verification: the chain was rewritten`,
      });
    });

    it('names rows the chain holds deleted before the mark', async () => {
      const { heads } = await verifyChains(prisma());
      await sql(`DELETE FROM "ConsentWithdrawal"`);
      expect((await verifyChains(prisma(), heads)).firstBroken).toMatchObject({
        table: 'ConsentWithdrawal',
        problem: expect.stringMatching(/^\d+ rows the chain names were deleted$/),
      });
    });
  });

  it('is for privacy officers', async () => {
    const response = await graph.query(REPORT, {}, 'social worker');
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
