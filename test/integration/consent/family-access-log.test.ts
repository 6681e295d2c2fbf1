import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoGuardians } from '../../../dev/demo/people.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { childClaims, guardianClaims, ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const LOG = `query ($id: ID!, $first: Int, $before: ID) {
  childAccessLog(childId: $id, first: $first, before: $before) { id requesterName requesterRole requesterAgency
    requesterUnit kind scope fields granted reason consentId decidedAt } }`;

/** The family's own log of who read what about their child (loggutdrag). */
describe("the family's access log", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    // The counsellor, who takes part in Alva's SIP, reads her social case; the nurse outside tries.
    const READ = `query ($id: ID!) { child(id: $id) { openSocialCase { caseNumber } } }`;
    await ok(graph, READ, { id: demoChildren.alva.id }, 'school counsellor');
    await graph.query(READ, { id: demoChildren.alva.id }, 'nurse outside every SIP');
  });

  it('shows a custodian who read what about their child, and who was refused, newest first', async () => {
    const { childAccessLog } = await ok(graph, LOG, { id: demoChildren.alva.id }, 'guardian (Maria Lindqvist)');
    expect(childAccessLog).toEqual([
      expect.objectContaining({
        requesterName: 'Sofia Ström',
        requesterUnit: 'Vårdcentralen Norr',
        scope: 'SOCIAL_CASE',
        granted: false,
        reason: 'NO_RELATION',
      }),
      expect.objectContaining({
        requesterName: 'Karin Kurator',
        requesterRole: 'school_counsellor',
        requesterAgency: 'SCHOOL',
        requesterUnit: 'Ekbackens skola',
        kind: 'CROSS_AGENCY',
        scope: 'SOCIAL_CASE',
        fields: ['Child.openSocialCase'],
        granted: true,
        consentId: demoConsentId(11),
      }),
    ]);
    // Paged: one entry, then the next after it.
    const [first] = (await ok(graph, LOG, { id: demoChildren.alva.id, first: 1 }, 'guardian (Johan Lindqvist)'))
      .childAccessLog;
    const next = await ok(
      graph,
      LOG,
      { id: demoChildren.alva.id, first: 1, before: first.id },
      'guardian (Johan Lindqvist)',
    );
    expect(next.childAccessLog).toEqual([childAccessLog[1]]);
  });

  it('is the child’s own from 15', async () => {
    await ok(
      graph,
      `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`,
      { id: demoChildren.elias.id },
      'school counsellor',
    );
    const { childAccessLog } = await ok(graph, LOG, { id: demoChildren.elias.id }, 'child, 16 (Elias Berg)');
    expect(childAccessLog[0]).toMatchObject({
      requesterName: 'Karin Kurator',
      scope: 'HEALTH_CARE_CONTACTS',
      granted: true,
    });
  });

  it.each([
    ['another family’s guardian', 'guardian (Maria Lindqvist)', () => demoChildren.leo.id],
    ['a parent without custody', guardianClaims(demoGuardians.peterNilsson.id), () => demoChildren.noah.id],
    ['a child under 15', childClaims(demoChildren.alva.id), () => demoChildren.alva.id],
    ['staff', 'school counsellor', () => demoChildren.alva.id],
    ['the privacy officer (who has consentAuditLog)', 'privacy officer', () => demoChildren.alva.id],
  ] as const)('is refused to %s', async (_, as, childId) => {
    const response = await graph.query(LOG, { id: childId() }, as);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
