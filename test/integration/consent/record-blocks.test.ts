import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { toCondition, toEncounter, toEpisodeOfCare } from '../../../subgraphs/health/fhir/care-resources.ts';
import { writeCareRecords } from '../../support/health-records.ts';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, guardianClaims, ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type GraphQLResponse, type Persona, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);
const PLACE = `mutation ($input: PlaceBlockInput!) { placeBlock(input: $input) { id scopes recordId } }`;
const LIFT = `mutation ($id: ID!) { liftBlock(blockId: $id) { id } }`;
const DIAGNOSES = `query ($id: ID!, $first: Int!, $after: String) { child(id: $id) {
  diagnoses(first: $first, after: $after) { nodes { id code } pageInfo { hasNextPage endCursor } } } }`;

/** What a reader was told was left out of the list at `field`, if anything. */
const leftOutAt = (response: GraphQLResponse, field: string) =>
  response.errors?.find((error) => error.path?.at(-1) === field)?.extensions;

/** A block of one record (one diagnosis, one care contact, one case): left out of lists, withheld alone. */
describe('blocks of a single record', () => {
  const CONTACT_ID = randomUUID();
  let graph: TestGraph;
  let child: TestChild;
  /** Five diagnoses, newest first. */
  let diagnoses: string[];
  let blockIds: string[];
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    await activeSip(graph, child, {
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2027-11-01T00:00:00Z',
      scopes: ['HEALTH_DIAGNOSES', 'HEALTH_CARE_CONTACTS', 'SOCIAL_CASE'],
    });
    // Record-level blocks name the FHIR server's own resource ids.
    diagnoses = ['F90.0', 'F41.1', 'F32.0', 'F84.5', 'G47.0'].map(() => randomUUID());
    await writeCareRecords(graph, [child.id], (patientId) => [
      ...['F90.0', 'F41.1', 'F32.0', 'F84.5', 'G47.0'].map((code, i) =>
        toCondition(diagnoses[i], patientId, {
          code,
          text: code,
          diagnosedOn: new Date(Date.UTC(2026, 5 - i, 1)),
          unitName: 'BUP',
        }),
      ),
      toEpisodeOfCare(CONTACT_ID, patientId, {
        unitName: 'Vårdcentral Test',
        unitType: 'VARDCENTRAL',
        startDate: new Date('2024-01-01'),
      }),
    ]);
  });
  // Every test starts without blocks: what it placed is lifted after it.
  beforeEach(() => {
    blockIds = [];
  });
  afterEach(async () => {
    for (const id of blockIds) await ok(graph, LIFT, { id }, guardianClaims(child.custodianIds[0]));
  });

  const place = async (input: Record<string, unknown>) => {
    const placed = await ok(
      graph,
      PLACE,
      { input: { childId: child.id, ...input } },
      guardianClaims(child.custodianIds[0]),
    );
    blockIds.push(placed.placeBlock.id);
    return placed.placeBlock;
  };
  /** Every page of the diagnoses `first` at a time, as the reader gets them. */
  const pages = async (as: Persona, first: number) => {
    const result: Array<{ ids: string[]; leftOut: number; endCursor: string | null }> = [];
    let after: string | null = null;
    do {
      const response: GraphQLResponse = await graph.query(DIAGNOSES, { id: child.id, first, after }, as);
      const page: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } =
        response.data!.child.diagnoses;
      const notice = leftOutAt(response, 'diagnoses');
      result.push({
        ids: page.nodes.map((n) => n.id),
        leftOut: notice?.leftOut ?? 0,
        endCursor: page.pageInfo.endCursor,
      });
      if (notice)
        expect(notice).toMatchObject({ code: 'RECORDS_LEFT_OUT', scope: 'HEALTH_DIAGNOSES', reason: 'BLOCKED' });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return result;
  };

  it('leaves a blocked diagnosis out of every page, at every page size, saying so alike on each', async () => {
    clock.set(NOW);
    for (const blocked of [0, 2, 4]) {
      const block = await place({ scopes: ['HEALTH_DIAGNOSES'], recordId: diagnoses[blocked] });
      expect(block).toMatchObject({ scopes: ['HEALTH_DIAGNOSES'], recordId: diagnoses[blocked] });
      for (const first of [1, 2, 3, 4, 5]) {
        const read = await pages('school counsellor', first);
        expect(read.flatMap((page) => page.ids)).toEqual(diagnoses.filter((_, i) => i !== blocked));
        // The same count beside every page, wherever the blocked record would have fallen.
        expect(read.map((page) => page.leftOut)).toEqual(read.map(() => 1));
        expect(read.every((page) => page.ids.length === first || page === read.at(-1))).toBe(true);
        // A cursor never points at the blocked record: nothing in it names it.
        for (const { endCursor } of read)
          expect(endCursor && Buffer.from(endCursor, 'base64url').toString()).not.toContain(diagnoses[blocked]);
      }
      // Health care's own staff read their own records whole.
      expect((await pages('BUP doctor', 5))[0]).toEqual(expect.objectContaining({ ids: diagnoses, leftOut: 0 }));
      await ok(graph, LIFT, { id: block.id }, guardianClaims(child.custodianIds[0]));
      blockIds = [];
    }
    expect((await pages('school counsellor', 5))[0]).toMatchObject({ ids: diagnoses, leftOut: 0 });
  });

  it('leaves a blocked care contact out of an unpaged list, and withholds a blocked case standing alone', async () => {
    clock.set(NOW);
    const query = `query ($id: ID!) { child(id: $id) {
      careContacts { id unitName } openSocialCase { id caseNumber } } }`;
    const before = await ok(graph, query, { id: child.id }, 'school counsellor');
    expect(before.child.careContacts).toHaveLength(2);
    await place({ scopes: ['HEALTH_CARE_CONTACTS'], recordId: before.child.careContacts[0].id });
    await place({ scopes: ['SOCIAL_CASE'], recordId: before.child.openSocialCase.id });

    const after = await graph.query(query, { id: child.id }, 'school counsellor');
    expect(after.data!.child.careContacts).toEqual([before.child.careContacts[1]]);
    expect(leftOutAt(after, 'careContacts')).toMatchObject({ code: 'RECORDS_LEFT_OUT', leftOut: 1 });
    expect(after.data!.child.openSocialCase).toBeNull();
    expect(leftOutAt(after, 'openSocialCase')).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'BLOCKED' });
    expect(JSON.stringify(after)).not.toContain(before.child.openSocialCase.caseNumber);
  });

  it('says the same whatever window a read looks through: nothing tells when the record is from', async () => {
    clock.set(NOW);
    const VISITS = `query ($id: ID!, $from: LocalDate, $to: LocalDate) { child(id: $id) {
      careVisits(from: $from, to: $to) { nodes { id date } } } }`;
    await writeCareRecords(graph, [child.id], (patientId) =>
      ['2026-09-01', '2026-09-15', '2026-10-01'].map((day) =>
        toEncounter(undefined, patientId, {
          unitName: 'Vårdcentral Test',
          unitType: 'VARDCENTRAL',
          date: new Date(`${day}T00:00:00Z`),
          mode: 'IN_PERSON',
          profession: 'läkare',
          episodeId: CONTACT_ID,
        }),
      ),
    );
    const all = await ok(graph, VISITS, { id: child.id }, 'school counsellor');
    const visits: Array<{ id: string; date: string }> = all.child.careVisits.nodes;
    expect(visits).toHaveLength(3);
    const hidden = visits[0];
    await place({ scopes: ['HEALTH_CARE_CONTACTS'], recordId: hidden.id });
    const windows = [
      { from: null, to: null },
      { from: hidden.date, to: hidden.date },
      { from: '1990-01-01', to: '1990-01-02' },
      ...visits.slice(1).map((visit) => ({ from: visit.date, to: visit.date })),
    ];
    for (const window of windows) {
      const response = await graph.query(VISITS, { id: child.id, ...window }, 'school counsellor');
      expect(response.data!.child.careVisits.nodes.map((visit: { id: string }) => visit.id)).not.toContain(hidden.id);
      expect(leftOutAt(response, 'careVisits'), JSON.stringify(window)).toMatchObject({
        code: 'RECORDS_LEFT_OUT',
        leftOut: 1,
      });
    }
  });

  it('keeps the record from the named units only, when the block names them', async () => {
    clock.set(NOW);
    await place({
      scopes: ['HEALTH_DIAGNOSES'],
      recordId: diagnoses[1],
      fromUnits: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
    });
    expect((await pages('school counsellor', 5))[0]).toMatchObject({ leftOut: 1 });
    expect((await pages('social worker', 5))[0]).toMatchObject({ ids: diagnoses, leftOut: 0 });
  });

  it('refuses a record block that names more than one category, or no record id', async () => {
    const as = guardianClaims(child.custodianIds[0]);
    const input = { childId: child.id, scopes: ['HEALTH_DIAGNOSES', 'HEALTH_MEDICATION'], recordId: diagnoses[0] };
    const twoScopes = await graph.query(PLACE, { input }, as);
    expect(twoScopes.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    const notAnId = await graph.query(
      PLACE,
      { input: { ...input, scopes: ['HEALTH_DIAGNOSES'], recordId: 'F90.0' } },
      as,
    );
    expect(notAnId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recordId' });
  });
});
