import { beforeAll, describe, expect, it } from 'vitest';
import { recordsInEveryCategory, TEST_SCHOOL } from '../../support/agency-records.ts';
import { registerTestChild, settableClock } from '../../support/consent-fixtures.ts';
import { refusal } from '../../support/sip-fixtures.ts';
import { writeStudentRecords } from '../../support/school-records.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

// A Monday in the autumn term: 21 school days so far, counting today.
const clock = settableClock('2026-09-14T10:00:00.000Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

const ABSENCES = `query ($id: ID!, $first: Int!, $after: String, $from: LocalDate, $to: LocalDate) {
  child(id: $id) { absences(first: $first, after: $after, from: $from, to: $to) {
    nodes { date } pageInfo { hasNextPage endCursor } } } }`;
const RECORD_VISIT = `mutation ($input: RecordCareVisitInput!) { recordCareVisit(input: $input) { date unitName
  unitType mode profession } }`;

/**
 * Stands for a child registered in the SIP core with no records in any agency (its id is known only once the graph
 * runs).
 */
const UNRECORDED = 'the child with no records';

describe("an agency's own staff", () => {
  let graph: TestGraph;
  let child: string;
  let lowAbsence: string;
  let unrecorded: string;
  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    child = (await registerTestChild(graph, { born: '20120101', custodians: 1 })).id;
    lowAbsence = (await registerTestChild(graph, { born: '20120101', custodians: 1 })).id;
    unrecorded = (await registerTestChild(graph, { born: '20120101', custodians: 1 })).id;
    await recordsInEveryCategory(graph, [child, lowAbsence]);
    // Four days reported absent, and one no one reported, which the student information system sums as invalid.
    await writeStudentRecords(graph, [
      {
        childId: child,
        enrolments: [
          { ...TEST_SCHOOL, className: '7T', grade: 7, mentor: 'Test Mentor', startDate: date('2026-08-17') },
        ],
        absences: [
          ...['2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'].map((day) => ({
            date: date(day),
            minutes: 360,
            reason: 'REPORTED' as const,
          })),
          { date: date('2026-09-01'), minutes: 360, reason: 'UNREPORTED' },
        ],
      },
    ]);
    const school = graph.subgraphs.school.prisma as any;
    await school.extraAdaptation.create({
      data: {
        childId: child,
        description: 'Avslutad anpassning',
        startsOn: date('2026-01-10'),
        endsOn: date('2026-03-01'),
        decidedBy: 'Test Mentor',
      },
    });
  });
  const withChild = (input: Record<string, unknown>) =>
    input.childId === UNRECORDED ? { ...input, childId: unrecorded } : input;

  describe('page through a timeline', () => {
    const page = async (variables: Record<string, unknown>) =>
      (await graph.query(ABSENCES, { id: child, first: 2, ...variables }, 'school counsellor')).data!.child.absences;

    it('newest first, with a cursor to the next page, until there is none', async () => {
      const first = await page({});
      expect(first.nodes).toEqual([{ date: '2026-09-11' }, { date: '2026-09-10' }]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page({ after: first.pageInfo.endCursor });
      expect(second.nodes).toEqual([{ date: '2026-09-09' }, { date: '2026-09-08' }]);
      const third = await page({ after: second.pageInfo.endCursor });
      expect(third).toEqual({
        nodes: [{ date: '2026-09-07' }],
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      });
    });

    it('within a date range, both ends included', async () => {
      expect((await page({ first: 10, from: '2026-09-08', to: '2026-09-10' })).nodes).toEqual([
        { date: '2026-09-10' },
        { date: '2026-09-09' },
        { date: '2026-09-08' },
      ]);
    });

    it('counting a period as inside a range it overlaps', async () => {
      const ADAPTATIONS = `query ($id: ID!, $from: LocalDate, $to: LocalDate) { child(id: $id) {
        extraAdaptations(from: $from, to: $to) { nodes { description } } } }`;
      const between = async (from: string | null, to: string | null) =>
        (
          await graph.query(ADAPTATIONS, { id: child, from, to }, 'school counsellor')
        ).data!.child.extraAdaptations.nodes.map((n: { description: string }) => n.description);
      expect(await between('2026-02-01', '2026-02-28')).toEqual(['Avslutad anpassning']);
      expect(await between('2026-03-02', null)).toEqual(['Anpassning']);
      expect(await between('2026-01-01', '2026-12-31')).toEqual(['Anpassning', 'Avslutad anpassning']);
    });

    it("gives each child its own page when many children's timelines are asked for at once", async () => {
      const timelines = `absences(first: $first, after: $after, from: $from, to: $to) {
        nodes { date } pageInfo { hasNextPage endCursor } } extraAdaptations(from: $from) { nodes { description } }`;
      const variables = '$first: Int, $after: String, $from: LocalDate, $to: LocalDate';
      // The school's own students (both children with records), each child's timelines paged together.
      const ALL = `query (${variables}) { schoolPlacements(schoolUnitCode: "${TEST_SCHOOL.schoolUnitCode}") {
        nodes { child { id ${timelines} } } } }`;
      const ONE = `query ($id: ID!, ${variables}) { child(id: $id) { id ${timelines} } }`;
      for (const page of [
        { first: 2 },
        { first: 1, from: '2026-09-08', to: '2026-09-10' },
        { first: 3, from: '2026-03-02' },
      ]) {
        const together = await graph.query(ALL, page, 'school counsellor');
        expect(together.errors).toBeUndefined();
        const children = together.data!.schoolPlacements.nodes.map((node: { child: { id: string } }) => node.child);
        expect(children).toHaveLength(2);
        for (const entry of children) {
          const alone = await graph.query(ONE, { id: entry.id, ...page }, 'school counsellor');
          expect(entry).toEqual(alone.data!.child);
        }
      }
    });

    it.each([
      [{ after: 'not-a-cursor' }, 'after', 'not a cursor from this list'],
      [{ from: '2026-09-10', to: '2026-09-09' }, 'to', 'must not be before from'],
      [{ first: 0 }, 'first', 'must be between 1 and 500'],
      [{ first: 501 }, 'first', 'must be between 1 and 500'],
    ])('refusing a bad page request %j with the argument and reason', async (variables, field, reason) => {
      const response = await graph.query(ABSENCES, { id: child, first: 2, ...variables }, 'school counsellor');
      expect(response.data).toEqual({ child: { absences: null } });
      expect(response.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field, reason }),
      ]);
    });
  });

  it('list the students with high absence this term, without consent', async () => {
    const response = await graph.query(
      `{ studentsWithHighAbsence(schoolUnitCode: "${TEST_SCHOOL.schoolUnitCode}", minPercent: 15) { placement { child
        { id } className } attendance {
          term schoolDays absentMinutes invalidAbsentMinutes absencePercent byReason { reason minutes } } } }`,
      {},
      'school counsellor',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.studentsWithHighAbsence).toEqual([
      {
        placement: { child: { id: child }, className: '7T' },
        attendance: {
          term: 'HT2026',
          schoolDays: 21,
          absentMinutes: 2160,
          invalidAbsentMinutes: 360,
          absencePercent: 28.6,
          byReason: [
            { reason: 'REPORTED', minutes: 1800 },
            { reason: 'UNREPORTED', minutes: 360 },
          ],
        },
      },
    ]);
    const other = await graph.query(
      `{ studentsWithHighAbsence(schoolUnitCode: "${TEST_SCHOOL.schoolUnitCode}") { attendance { term } } }`,
      {},
      'social worker',
    );
    expect(refusal(other).code).toBe('FORBIDDEN');
  });

  describe('record a care contact', () => {
    const visit = (input: Record<string, unknown>) =>
      withChild({ childId: child, date: '2026-09-14', mode: 'VIDEO', profession: 'psykolog', ...input });

    it('at their own unit, within the child’s contact with it', async () => {
      const response = await graph.query(RECORD_VISIT, { input: visit({}) }, 'BUP doctor');
      expect(response.data?.recordCareVisit).toEqual({
        date: '2026-09-14',
        unitName: 'BUP Norra',
        unitType: 'BUP',
        mode: 'VIDEO',
        profession: 'psykolog',
      });
    });

    it.each([
      ['a future day', { date: '2026-09-15' }, 'input.date', 'must not be in the future'],
      ['no profession', { profession: '' }, 'input.profession', 'must not be empty'],
      [
        'a day before the contact began',
        { date: '2025-12-31' },
        'input.childId',
        'the child has no care contact with your unit on this date',
      ],
      [
        'a child not in contact with the unit',
        { childId: UNRECORDED },
        'input.childId',
        'the child has no care contact with your unit on this date',
      ],
    ])('refusing %s with the field and reason', async (_, input, field, reason) => {
      expect(refusal(await graph.query(RECORD_VISIT, { input: visit(input) }, 'BUP doctor'))).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        reason,
      });
    });
  });
});
