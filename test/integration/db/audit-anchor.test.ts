import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { verifyAnchors, writeAnchor } from '../../../subgraphs/sip/consent-authority/audit/chain-anchor.ts';
import { verifyChains } from '../../../subgraphs/sip/consent-authority/audit/verify-chain.ts';
import { startOwnTestGraph, type OwnTestGraph } from '../../support/test-graph.ts';

const KEY = 'a'.repeat(64);

/**
 * Whoever can rewrite the SIP core's database could empty the log and its chain and write them anew
 * without one person's reads: the chain then checks out on its own. The heads the SIP core anchors
 * outside the database, signed, find it.
 */
describe('the audit chains anchored outside the database', () => {
  let graph: OwnTestGraph;
  let file: string;
  const prisma = () => graph.subgraphs.sip.prisma as any;
  const read = (as: 'school counsellor' | 'nurse outside every SIP') =>
    graph.query(
      `query ($id: ID!) { child(id: $id) { givenName openSocialCase { caseNumber } } }`,
      {
        id: demoChildren.alva.id,
      },
      as,
    );
  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'audit-anchors-')), 'anchors.jsonl');
    graph = await startOwnTestGraph({ auditAnchor: { file, key: KEY, intervalMs: 3_600_000 } });
  });
  afterAll(() => graph?.stop());

  it('are written by the SIP core as it starts, signed, and hold while nothing is rewritten', async () => {
    expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(1);
    for (const as of ['school counsellor', 'nurse outside every SIP'] as const) await read(as);
    await graph.settleReleases();
    await writeAnchor(prisma(), { file, key: KEY }, new Date());
    expect(await verifyAnchors(prisma(), { file, key: KEY })).toEqual({ anchors: expect.any(Number), broken: null });
  });

  it('find a log emptied and written anew without one reader’s reads, which the chain alone does not', async () => {
    const nurse = 'staff-vc-norr-1';
    expect(await prisma().auditGroup.count({ where: { requesterSubject: nurse } })).toBeGreaterThan(0);
    // As a superuser or the tables' owner could: around the triggers, then through them again.
    await prisma().$transaction([
      prisma().$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
      prisma().$executeRawUnsafe(`CREATE TEMP TABLE kept ON COMMIT DROP AS
        SELECT * FROM "AuditGroup" WHERE "requesterSubject" <> '${nurse}'`),
      prisma().$executeRawUnsafe(`DELETE FROM "AuditGroup"`),
      prisma().$executeRawUnsafe(`DELETE FROM "AuditChainLink" WHERE "table" = 'AuditGroup'`),
      prisma().$executeRawUnsafe(`DELETE FROM "AuditChainHead" WHERE "table" = 'AuditGroup'`),
      prisma().$executeRawUnsafe(`SET LOCAL session_replication_role = origin`),
      prisma().$executeRawUnsafe(`INSERT INTO "AuditGroup" SELECT * FROM kept`),
    ]);
    expect(await prisma().auditGroup.count({ where: { requesterSubject: nurse } })).toBe(0);
    expect((await verifyChains(prisma())).intact).toBe(true);
    const { broken } = await verifyAnchors(prisma(), { file, key: KEY });
    expect(broken).toMatchObject({ table: 'AuditGroup', problem: expect.stringMatching(/the chain was rewritten$/) });
  });

  it('refuse an anchor not signed with the anchor key', async () => {
    const forged = join(mkdtempSync(join(tmpdir(), 'audit-anchors-')), 'anchors.jsonl');
    const [first] = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(forged, `${JSON.stringify({ ...JSON.parse(first), mac: '0'.repeat(64) })}\n`);
    expect((await verifyAnchors(prisma(), { file: forged, key: KEY })).broken?.problem).toMatch(
      /^anchor 1 .* is not signed with the anchor key$/,
    );
  });
});
