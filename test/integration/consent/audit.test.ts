import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const AUDIT = `query ($childId: ID, $subject: String) {
  consentAuditLog(childId: $childId, requesterSubject: $subject) {
    requestId requesterSubject requesterRole requesterAgency requesterUnit childId scope fields subgraph granted
    reason consentId decidedAt
  }
}`;

describe('the audit log of consent decisions', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    // A school counsellor reads Alva (she takes part in her SIP, under both parents' consent) and Ebbe (no relation).
    for (const id of [demoChildren.alva.id, demoChildren.ebbe.id]) {
      await graph.query(
        `query ($id: ID!) { child(id: $id) { careContacts { unitName } first: careContacts { unitType } } }`,
        { id },
        'school counsellor',
      );
    }
  });

  it('records who read which child, which scope and fields, under which consent, and the outcome', async () => {
    const response = await graph.query(AUDIT, { childId: demoChildren.alva.id }, 'privacy officer');
    expect(response.errors).toBeUndefined();
    expect(response.data?.consentAuditLog).toEqual([
      {
        // The trace id of the request's W3C trace context, the same in every service.
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
        requesterSubject: 'staff-school-ekbacken-1',
        requesterRole: 'school_counsellor',
        requesterAgency: 'SCHOOL',
        requesterUnit: 'Ekbackens skola',
        childId: demoChildren.alva.id,
        scope: 'HEALTH_CARE_CONTACTS',
        fields: ['Child.careContacts'],
        subgraph: 'health',
        granted: true,
        reason: null,
        consentId: demoConsentId(11),
        decidedAt: expect.any(String),
      },
    ]);
  });

  it('records refusals with their reason, and filters by requester', async () => {
    const response = await graph.query(AUDIT, { subject: 'staff-school-ekbacken-1' }, 'privacy officer');
    const entries = response.data?.consentAuditLog;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      childId: demoChildren.ebbe.id,
      granted: false,
      reason: 'NO_RELATION',
      consentId: null,
    });
  });

  it('is readable by privacy officers only', async () => {
    const response = await graph.query(AUDIT, {}, 'social worker');
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be changed or deleted', async () => {
    const sip = graph.subgraphs.sip.prisma as any;
    await expect(sip.auditGroup.updateMany({ data: { granted: true } })).rejects.toThrow(/append-only/);
    await expect(sip.auditGroup.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
