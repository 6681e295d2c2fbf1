import { beforeAll, describe, expect, it } from 'vitest';
import { demoSipId } from '../../../dev/demo/sip-ids.ts';
import { registerTestChild, settableClock } from '../../support/consent-fixtures.ts';
import { ANSWER, ok, initiateTestSip, refusal } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock(new Date().toISOString());
const SEARCH = `query ($agency: Agency!, $unit: String, $name: String) {
  staffDirectory(agency: $agency, unit: $unit, name: $name) { directoryId name title agency unit email phone } }`;
const ADD = `mutation ($sipId: ID!, $agency: Agency!, $directoryId: String!) {
  addStaffFromDirectory(sipId: $sipId, agency: $agency, directoryId: $directoryId) { name title agency unit email } }`;

/** Staff are found by unit and name in each agency's own catalogue, never by typing a login subject. */
describe('the staff directory', () => {
  let graph: TestGraph;
  const search = async (variables: Record<string, string>) =>
    (await ok(graph, SEARCH, variables)).staffDirectory as Array<Record<string, unknown>>;

  beforeAll(async () => {
    graph = await startTestGraph({ clock });
  });

  it('finds health care staff by unit in the region’s catalogue (HSA in FHIR), the unit’s staff in order', async () => {
    expect(await search({ agency: 'HEALTH_CARE', unit: 'bup' })).toEqual([
      {
        directoryId: 'staff-bup-norra-1',
        name: 'Jonas Lind',
        title: 'läkare',
        agency: 'HEALTH_CARE',
        unit: 'BUP Norra',
        email: 'jonas.lind@bup-norra.region.example',
        phone: '010-234 56 78',
      },
      expect.objectContaining({ name: 'Per Holm', title: 'psykolog', unit: 'BUP Norra' }),
      expect.objectContaining({ name: 'Lina Söder', unit: 'BUP Södra' }),
    ]);
  });

  it('finds school staff in the school system’s duties, and social services’ in the case system', async () => {
    expect(await search({ agency: 'SCHOOL', name: 'berg' })).toEqual([
      {
        directoryId: 'staff-school-ekbacken-2',
        name: 'Helena Berg',
        title: 'skolsköterska',
        agency: 'SCHOOL',
        unit: 'Ekbackens skola',
        email: 'helena.berg@ekbacken.skola.example',
        phone: '010-345 67 89',
      },
    ]);
    expect(await search({ agency: 'SOCIAL_SERVICES', unit: 'Familjebehandling' })).toEqual([
      expect.objectContaining({ name: 'Amir Haddou', title: 'familjebehandlare', unit: 'Familjebehandlingen' }),
    ]);
    expect(await search({ agency: 'SOCIAL_SERVICES', name: 'nobody like this' })).toEqual([]);
  });

  it('is searched, not listed, and only by staff', async () => {
    expect(refusal(await graph.query(SEARCH, { agency: 'HEALTH_CARE' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unit',
    });
    expect(
      refusal(await graph.query(SEARCH, { agency: 'HEALTH_CARE', unit: 'BUP' }, 'guardian (Maria Lindqvist)')),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('adds a member of staff to a SIP as the catalogue lists them, and no one it does not list', async () => {
    const sipId = demoSipId(1);
    const { addStaffFromDirectory } = await ok(graph, ADD, {
      sipId,
      agency: 'HEALTH_CARE',
      directoryId: 'staff-bup-norra-2',
    });
    expect(addStaffFromDirectory).toEqual({
      name: 'Per Holm',
      title: 'psykolog',
      agency: 'HEALTH_CARE',
      unit: 'BUP Norra',
      email: 'per.holm@bup-norra.region.example',
    });
    expect(
      refusal(await graph.query(ADD, { sipId, agency: 'HEALTH_CARE', directoryId: 'someone-typed-by-hand' })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'directoryId', reason: "not in the agency's staff directory" });
  });

  it('lets a unit accept an invitation naming a colleague of the unit who attends', async () => {
    const child = await registerTestChild(graph, { born: '20140301', custodians: 1 });
    const initiateSip = await initiateTestSip(graph, child.id, [{ agency: 'HEALTH_CARE', unit: 'BUP Norra' }]);
    await ok(graph, ANSWER, { sipId: initiateSip.id, answer: 'AGREED' });
    const { sip } = await ok(graph, `query ($id: ID!) { sip(id: $id) { invitations { id } } }`, { id: initiateSip.id });
    const accept = (attendeeDirectoryId: string) =>
      graph.query(
        `mutation ($id: ID!, $input: AcceptInvitationInput!) { acceptInvitation(invitationId: $id, input: $input) {
          answer { attendee { name title unit } answeredBy } } }`,
        { id: sip.invitations[0].id, input: { attendeeDirectoryId } },
        'BUP doctor',
      );
    expect(refusal(await accept('staff-bup-sodra-1'))).toMatchObject({
      field: 'input.attendeeDirectoryId',
      reason: 'works at another unit than the one invited',
    });
    const answered = await accept('staff-bup-norra-2');
    expect(answered.data?.acceptInvitation.answer).toEqual({
      attendee: { name: 'Per Holm', title: 'psykolog', unit: 'BUP Norra' },
      answeredBy: 'Jonas Lind',
    });
  });
});
