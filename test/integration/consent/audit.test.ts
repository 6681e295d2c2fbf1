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

  it('is searched by unit, agency, scope, outcome and time, all together', async () => {
    const search = async (variables: Record<string, unknown>) =>
      (
        await graph.query(
          `query ($unit: String, $agency: Agency, $scope: ConsentScope, $granted: Boolean, $from: DateTime,
            $to: DateTime) { consentAuditLog(requesterUnit: $unit, requesterAgency: $agency, scope: $scope,
            granted: $granted, from: $from, to: $to) { childId scope granted requesterUnit } }`,
          variables,
          'privacy officer',
        )
      ).data?.consentAuditLog;
    const refused = await search({ unit: 'Ekbackens skola', scope: 'HEALTH_CARE_CONTACTS', granted: false });
    expect(refused).toEqual([
      {
        childId: demoChildren.ebbe.id,
        scope: 'HEALTH_CARE_CONTACTS',
        granted: false,
        requesterUnit: 'Ekbackens skola',
      },
    ]);
    expect(await search({ agency: 'HEALTH_CARE' })).toEqual([]);
    expect(await search({ unit: 'Ekbackens skola', from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).toEqual(
      [],
    );
    const backwards = await graph.query(
      `{ consentAuditLog(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { id } }`,
      {},
      'privacy officer',
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('is counted for pictures: reads per day and agency, refusals by reason, emergency reads', async () => {
    const { data } = await graph.query(
      `query ($from: DateTime!, $to: DateTime!) { auditStatistics(from: $from, to: $to) {
        readsPerDay { day agency reads } refusalsByReason { reason refusals } emergencyReadsPerDay { day reads } } }`,
      { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
      'privacy officer',
    );
    const stats = data?.auditStatistics;
    expect(stats.readsPerDay).toContainEqual({
      day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      agency: 'SCHOOL',
      reads: expect.any(Number),
    });
    expect(stats.readsPerDay.every((row: { agency: string }) => row.agency === 'SCHOOL')).toBe(true);
    expect(stats.refusalsByReason).toContainEqual({ reason: 'NO_RELATION', refusals: expect.any(Number) });
    expect(stats.emergencyReadsPerDay).toEqual([]);
    const staff = await graph.query(`{ auditStatistics(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") {
      emergencyReadsPerDay { reads } } }`);
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a privacy officer look a child up by personnummer with a purpose, logged and reviewed', async () => {
    const alva = await (graph.subgraphs.sip.prisma as any).child.findUnique({ where: { id: demoChildren.alva.id } });
    const personnummer = `${alva.personnummer.slice(0, 8)}-${alva.personnummer.slice(8)}`;
    const LOOKUP = `query ($p: String!, $purpose: String!) { childByPersonnummer(personnummer: $p, purpose: $purpose) {
      id givenName } }`;
    const noPurpose = await graph.query(LOOKUP, { p: personnummer, purpose: ' ' }, 'privacy officer');
    expect(noPurpose.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const wrongDigit = personnummer.slice(0, -1) + String((Number(personnummer.at(-1)) + 1) % 10);
    const luhn = await graph.query(LOOKUP, { p: wrongDigit, purpose: 'granskning' }, 'privacy officer');
    expect(luhn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personnummer' });
    const found = await graph.query(LOOKUP, { p: personnummer, purpose: 'granskning av samtycken' }, 'privacy officer');
    expect(found.data?.childByPersonnummer).toEqual({ id: demoChildren.alva.id, givenName: 'Alva' });
    const queue = await graph.query(
      `{ reviewQueue(kinds: [LOOKUP_BY_PERSONNUMMER]) { requesterSubject detail } }`,
      {},
      'privacy officer',
    );
    expect(queue.data?.reviewQueue).toContainEqual({
      requesterSubject: 'dpo-1',
      detail: 'purpose: granskning av samtycken',
    });
    // A guardian looks no one up.
    const family = await graph.query(LOOKUP, { p: personnummer, purpose: 'x' }, 'guardian (Maria Lindqvist)');
    expect(family.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("pages through the whole log with `before`, a request's entries split across pages as in one page", async () => {
    // The counsellor's school list: one record of names and one of care contacts, each for several children.
    await graph.query(
      `{ schoolPlacements(schoolUnitCode: "45812345") { nodes { child { givenName careContacts { unitName } } } } }`,
      {},
      'school counsellor',
    );
    const PAGE = `query ($first: Int!, $before: ID, $subject: String) {
      consentAuditLog(first: $first, before: $before, requesterSubject: $subject) { id childId decidedAt } }`;
    for (const subject of [null, 'staff-school-ekbacken-1']) {
      const page = async (first: number, before?: string) => {
        const response = await graph.query(PAGE, { first, before, subject }, 'privacy officer');
        expect(response.errors).toBeUndefined();
        return response.data?.consentAuditLog as Array<{ id: string; decidedAt: string }>;
      };
      const whole = await page(500);
      expect(whole.some(({ id }) => id.endsWith(':3'))).toBe(true);
      const paged: typeof whole = [];
      for (let next = await page(2); next.length > 0; next = await page(2, paged.at(-1)!.id)) paged.push(...next);
      expect(paged).toEqual(whole);
      expect(new Set(whole.map(({ id }) => id)).size).toBe(whole.length);
      const times = whole.map(({ decidedAt }) => Date.parse(decidedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });
});
