import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { startOwnTestGraph, type OwnTestGraph } from '../../support/test-graph.ts';

// Alva's consent releases her health care contacts to school: served while the SIP core decides.
const QUERY = `{ schoolPlacements(schoolUnitCode: "45812345") { nodes { className child { id careContacts { unitName }
  } } } }`;
const OWN_PATIENTS = `{ careContactsAtUnit(unitName: "BUP Norra") {
  nodes { child { id diagnoses { nodes { code } } careContacts { unitName } } } } }`;
const alvaOf = (response: any) =>
  response.data?.schoolPlacements.nodes.find((p: any) => p.child.id === demoChildren.alva.id);

function listenOn(port: number, handler: Parameters<typeof createServer>[1]): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler).once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('when a consent decision cannot be made', () => {
  let graph: OwnTestGraph;
  let stand_in: Server | undefined;
  beforeAll(async () => {
    // Long enough for a real decision on a busy machine; a SIP core that never answers costs one wait of it.
    graph = await startOwnTestGraph({ consentTimeoutMs: 10_000 });
    const before = await graph.query(QUERY, {}, 'school counsellor');
    expect(alvaOf(before).child.careContacts).toHaveLength(2);
    // Health care's own list, once: its identity bridge now knows these children's personnummer.
    expect((await graph.query(OWN_PATIENTS, {}, 'BUP doctor')).errors).toBeUndefined();
  });
  afterAll(async () => {
    stand_in?.close();
    await graph?.stop();
  });

  const expectWithheldAsUnavailable = (response: any) => {
    // Unguarded, own-agency data is still served…
    expect(response.data.schoolPlacements.nodes.map((p: any) => p.className)).toContain('8B');
    // …and every guarded field is withheld with CONSENT_UNAVAILABLE.
    for (const placement of response.data.schoolPlacements.nodes) expect(placement.child.careContacts).toBeNull();
    expect(response.errors.length).toBe(response.data.schoolPlacements.nodes.length);
    for (const error of response.errors)
      expect(error.extensions).toMatchObject({ code: 'CONSENT_UNAVAILABLE', scope: 'HEALTH_CARE_CONTACTS' });
  };

  it('withholds guarded fields when the audit record cannot be stored', async () => {
    const sip = graph.subgraphs.sip.prisma as any;
    await sip.$executeRawUnsafe('ALTER TABLE "AuditGroup" RENAME TO "AuditGroup_away"');
    try {
      expectWithheldAsUnavailable(await graph.query(QUERY, {}, 'school counsellor'));
    } finally {
      await sip.$executeRawUnsafe('ALTER TABLE "AuditGroup_away" RENAME TO "AuditGroup"');
    }
    expect(alvaOf(await graph.query(QUERY, {}, 'school counsellor')).child.careContacts).toHaveLength(2);
  });

  it('withholds guarded fields when the SIP core is stopped mid-run, and serves the rest', async () => {
    const { port } = graph.subgraphs.sip;
    await graph.subgraphs.sip.stop();
    expectWithheldAsUnavailable(await graph.query(QUERY, {}, 'school counsellor'));

    // A SIP core that answers too late.
    stand_in = await listenOn(port, () => {});
    expectWithheldAsUnavailable(await graph.query(QUERY, {}, 'school counsellor'));
    stand_in.closeAllConnections();
    stand_in.close();

    // A SIP core that answers nonsense: "granted" without naming a consent, a decision for another child.
    stand_in = await listenOn(port, (req, res) => {
      let body = '';
      req
        .on('data', (chunk) => (body += chunk))
        .on('end', () => {
          // It answers decisions only; the subgraph's release confirmations go unheard.
          if (req.url !== '/consent/decisions') return void res.writeHead(404).end();
          const { questions } = JSON.parse(body);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              decisions: questions.map((q: any, i: number) =>
                i % 2
                  ? { childId: q.childId, scope: q.scope, granted: true }
                  : { childId: 'someone-else', scope: q.scope, granted: true, consentId: 'x' },
              ),
            }),
          );
        });
    });
    expectWithheldAsUnavailable(await graph.query(QUERY, {}, 'school counsellor'));

    // A SIP core that answers 500.
    stand_in.close();
    stand_in = await listenOn(port, (_, res) => res.writeHead(500).end('{}'));
    expectWithheldAsUnavailable(await graph.query(QUERY, {}, 'school counsellor'));
  });

  it("keeps serving an agency's own guarded fields about a child to its own staff with the SIP core down", async () => {
    // Diagnoses and care contacts are guarded fields of Child; health care's own staff read them
    // without a decision, and the identity bridge remembers the children it mapped a moment ago,
    // so the SIP core is never asked.
    const own = await graph.query(OWN_PATIENTS, {}, 'BUP doctor');
    expect(own.errors).toBeUndefined();
    const alva = own.data?.careContactsAtUnit.nodes.find((n: any) => n.child.id === demoChildren.alva.id);
    expect(alva.child.diagnoses.nodes).toEqual([{ code: 'F32.1' }]);
    expect(alva.child.careContacts).toHaveLength(2);
  });
});
