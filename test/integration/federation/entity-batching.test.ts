import { beforeAll, describe, expect, it } from 'vitest';
import { registerTestChild } from '../../support/consent-fixtures.ts';
import { writeStudentRecords } from '../../support/school-records.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

// A school's students (the school's own root field), and for each child what the SIP core and the
// other agencies hold: every Child is resolved by reference, in batches.
const BJORKHAGEN = '45811111';
const CHILDREN_WITH_ALL_AGENCY_FIELDS = `query ($first: Int!) {
  schoolPlacements(schoolUnitCode: "${BJORKHAGEN}", first: $first) { nodes { child {
    id givenName
    guardians { hasCustody guardian { givenName } }
    schoolPlacement { schoolName }
    openSocialCase { caseNumber }
    careContacts { unitName }
  } } }
}`;
const childrenOf = (response: { data?: any }) =>
  response.data?.schoolPlacements.nodes.map((node: { child: unknown }) => node.child);

describe('entity resolution through DataLoader', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    // The 16 demo children at Björkhagens skola plus 32 more, so a per-child query would show up as dozens of
    // statements.
    for (let i = 0; i < 32; i++) {
      const child = await registerTestChild(graph, { born: `2012010${(i % 9) + 1}`, custodians: 1 });
      await writeStudentRecords(graph, [
        {
          childId: child.id,
          enrolments: [
            {
              schoolName: 'Björkhagens skola',
              schoolUnitCode: BJORKHAGEN,
              className: '8A',
              grade: 8,
              mentor: null,
              startDate: new Date('2024-08-19'),
            },
          ],
        },
      ]);
    }
  });

  it('costs one query per subgraph for the agency fields, whatever the number of children', async () => {
    // The SIP core keeps the consent rule's facts in memory until they change: read them all once first, so
    // that both counts below are of the same, warm, path.
    // Each count includes the statement that stores the request's release confirmations.
    await graph.query(CHILDREN_WITH_ALL_AGENCY_FIELDS, { first: 40 }, 'school counsellor');
    await graph.settleReleases();
    // Health care keeps no database: its calls are the searches its FHIR server answers.
    const fhirCalls = graph.standIns.health!.requests!;
    const counter = graph.countQueries();
    let fhirBefore = await fhirCalls();
    const few = await graph.query(CHILDREN_WITH_ALL_AGENCY_FIELDS, { first: 2 }, 'school counsellor');
    await graph.settleReleases();
    const forFew = { ...counter.counts, health: (await fhirCalls()) - fhirBefore };
    counter.reset();
    fhirBefore = await fhirCalls();
    const many = await graph.query(CHILDREN_WITH_ALL_AGENCY_FIELDS, { first: 40 }, 'school counsellor');
    await graph.settleReleases();
    const forMany = { ...counter.counts, health: (await fhirCalls()) - fhirBefore };
    expect(childrenOf(few)).toHaveLength(2);
    expect(childrenOf(many)).toHaveLength(40);
    // All 40 children, some with granted fields in every agency: one query, or one FHIR search, per other agency.
    expect(forMany).toMatchObject({ social: 1, health: 1 });
    // The school (its page, then its field on each child) costs the same for 2 children as for 40; the SIP core
    // (the children, their identity checks, the log) a handful, fewer when lookups arriving together share a read
    // or a write.
    expect(forFew.school).toBe(forMany.school);
    for (const statements of [forFew.sip, forMany.sip]) expect(statements).toBeLessThanOrEqual(16);
    // A page of 2 may hold only children whose fields are refused, which then cost no query at all.
    for (const agency of ['social', 'health'] as const) expect(forFew[agency]).toBeLessThanOrEqual(1);
  });

  it('asks the SIP core for consent once per subgraph fetch, for all children and fields together', async () => {
    const lookups = () => graph.subgraphs.sip.requestCounts.get('/consent/decisions') ?? 0;
    const before = lookups();
    const response = await graph.query(CHILDREN_WITH_ALL_AGENCY_FIELDS, { first: 40 }, 'school counsellor');
    expect(childrenOf(response)).toHaveLength(40);
    // School reads its own field without asking; social services and health care ask once each.
    expect(lookups() - before).toBe(2);
  });
});
