import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { ok } from '../../support/sip-fixtures.ts';
import { startOwnTestGraph, startTestGraph, type OwnTestGraph, type TestGraph } from '../../support/test-graph.ts';

const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`;
const LOG = `query ($subject: String) { consentAuditLog(requesterSubject: $subject) { childId kind granted release } }`;

/** Polls the counsellor's log until `done` holds for it (the subgraph confirms after responding). */
async function logWhen(graph: TestGraph, done: (entries: Array<Record<string, any>>) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const entries = (await ok(graph, LOG, { subject: 'staff-school-ekbacken-1' }, 'privacy officer')).consentAuditLog;
    if (done(entries) || Date.now() > deadline) return entries as Array<Record<string, any>>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const crossAgency = (entries: Array<Record<string, any>>) => entries.filter((e) => e.kind === 'CROSS_AGENCY');

/** The log tells what was decided from what was released: it never claims data was seen that never left. */
describe('decided versus released', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it('marks a granted read released once the subgraph served it, and a refusal not released', async () => {
    await ok(graph, READ, { id: demoChildren.alva.id }, 'school counsellor');
    await graph.query(READ, { id: demoChildren.ebbe.id }, 'school counsellor');
    const entries = await logWhen(graph, (log) => crossAgency(log).every((e) => e.release !== 'UNCONFIRMED'));
    expect(crossAgency(entries)).toEqual(
      expect.arrayContaining([
        { childId: demoChildren.alva.id, kind: 'CROSS_AGENCY', granted: true, release: 'RELEASED' },
        { childId: demoChildren.ebbe.id, kind: 'CROSS_AGENCY', granted: false, release: 'NOT_RELEASED' },
      ]),
    );
  });

  describe('when the subgraph cannot serve a field it was granted', () => {
    let broken: OwnTestGraph;
    beforeAll(async () => {
      broken = await startOwnTestGraph({ consentTimeoutMs: 30_000 });
      // Health care's FHIR server is down: the SIP core grants and logs, the resolver then fails.
      await broken.standIns.health!.stop();
    });
    afterAll(async () => broken?.stop());

    it('logs the grant as withheld, not as seen', async () => {
      const response = await broken.query(READ, { id: demoChildren.alva.id }, 'school counsellor');
      expect(response.data?.child?.careContacts ?? null).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
      const entries = crossAgency(
        await logWhen(broken, (log) => crossAgency(log).every((e) => e.release !== 'UNCONFIRMED')),
      );
      expect(entries).toEqual([
        { childId: demoChildren.alva.id, kind: 'CROSS_AGENCY', granted: true, release: 'WITHHELD' },
      ]);
    });
  });
});
