import { beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../subgraphs/sip/consent-authority/children/personnummer.ts';
import { CONSENT_SCOPES } from '../../../policy/scopes.ts';
import { ALL_AGENCY_FIELDS, recordsInEveryCategory, TEST_SCHOOL } from '../../support/agency-records.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const CHILDREN = 200;
// The counsellor's own school's students, and what every agency holds on them; the family named
// each agency as a whole as recipient, so she may read each child's identity (logged) and records.
const QUERY = `query ($first: Int!) { schoolPlacements(schoolUnitCode: "${TEST_SCHOOL.schoolUnitCode}", first: $first) {
  nodes { child { id givenName guardians { hasCustody } ${ALL_AGENCY_FIELDS} } } } }`;

/**
 * 200 children with a record in every category and a consent for all of it: the database cost of
 * one query over all of them is the same as over 10, per subgraph.
 */
describe('a query over 200 children', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ seed: false });
    const sip = graph.subgraphs.sip.prisma as any;
    const ids = Array.from({ length: CHILDREN }, (_, i) => `11111111-0000-4000-9000-${String(i).padStart(12, '0')}`);
    const guardianId = (i: number) => `22222222-0000-4000-9000-${String(i).padStart(12, '0')}`;
    const pnr = (date: string, i: number) =>
      `${date}${String(i).padStart(3, '0')}${luhnCheckDigit(date.slice(2) + String(i).padStart(3, '0'))}`;
    // Written straight into the SIP core's database: registering 200 children one by one would only slow the test.
    await sip.guardian.createMany({
      data: ids.map((_, i) => ({
        id: guardianId(i),
        personnummer: pnr('19800101', i),
        givenName: 'Förälder',
        familyName: `Test${i}`,
      })),
    });
    await sip.child.createMany({
      data: ids.map((id, i) => ({
        id,
        personnummer: pnr('20120101', i),
        givenName: `Barn${i}`,
        familyName: 'Test',
        dateOfBirth: new Date('2012-01-01'),
      })),
    });
    await sip.guardianship.createMany({
      data: ids.map((childId, i) => ({ childId, guardianId: guardianId(i), hasCustody: true })),
    });
    await sip.consent.createMany({
      data: ids.map((childId, i) => ({
        childId,
        guardianIds: [guardianId(i)],
        givenByChild: false,
        form: 'WRITTEN',
        scopes: Object.keys(CONSENT_SCOPES),
        agencies: ['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'],
        purpose: 'SIP',
        validFrom: new Date('2026-01-01'),
        validUntil: new Date('2030-01-01'),
        recordedBy: 'test',
        recordedAt: new Date('2026-01-01'),
      })),
    });
    await recordsInEveryCategory(graph, ids);
  });

  it('costs the same number of database queries per subgraph as a query over 10', async () => {
    // The SIP core keeps the consent rule's facts in memory until they change: read them all once first, so
    // that both counts below are of the same, warm, path.
    // Each count includes the statement that stores the request's release confirmations.
    await graph.query(QUERY, { first: CHILDREN }, 'school counsellor');
    await graph.settleReleases();
    // Health care keeps no database: its cost is the searches its FHIR server answers.
    const fhirCalls = graph.standIns.health!.requests!;
    const counter = graph.countQueries();
    let fhirBefore = await fhirCalls();
    const few = await graph.query(QUERY, { first: 10 }, 'school counsellor');
    await graph.settleReleases();
    const forFew = { ...counter.counts, health: (await fhirCalls()) - fhirBefore };
    counter.reset();
    fhirBefore = await fhirCalls();
    const all = await graph.query(QUERY, { first: CHILDREN }, 'school counsellor');
    await graph.settleReleases();
    const forAll = { ...counter.counts, health: (await fhirCalls()) - fhirBefore };

    expect(few.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const children = all.data!.schoolPlacements.nodes.map((node: { child: unknown }) => node.child);
    expect(children).toHaveLength(CHILDREN);
    // Every field of every child was served: a last child's records, from each agency.
    expect(children[CHILDREN - 1]).toMatchObject({
      givenName: expect.stringMatching(/^Barn/),
      schoolPlacement: { mentor: 'Test Mentor' },
      placements: { nodes: [{ kind: 'CONTACT_FAMILY' }] },
      referrals: { nodes: [{ toUnit: 'BUP Norra' }] },
    });
    const { sip: sipForAll, ...agenciesForAll } = forAll;
    const { sip: sipForFew, ...agenciesForFew } = forFew;
    expect(agenciesForAll).toEqual(agenciesForFew);
    // The SIP core: a handful whatever the number of children (the children, the epoch of the consent rule's
    // facts, the log of reads and of releases), fewer when lookups arriving together share a read or a write.
    for (const statements of [sipForFew, sipForAll]) expect(statements).toBeLessThanOrEqual(16);
    // Per category: the school's own records are a query each for a plain list, two for a timeline (each child's
    // page ids, then those rows), and its SS 12000 reads are counted by the stand-in, not here; social services read
    // each of the case system's four views once (case; investigations, interventions, placements); health care
    // makes 6 FHIR searches (episodes of care, encounters, conditions, medication statements and procedures,
    // service requests), each for all the children at once.
    expect(forAll).toMatchObject({ social: 4, health: 6 });
  });
});
