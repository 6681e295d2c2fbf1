import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../../dev/dev-identity.ts';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, guardianClaims, ok, type ActiveSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);
const PLACE = `mutation ($input: PlaceBlockInput!) { placeBlock(input: $input) { id scopes fromUnits { agency unit }
  until givenBy recordedBy recordedByStaff liftedAt } }`;
const LIFT = `mutation ($id: ID!) { liftBlock(blockId: $id) { id liftedAt } }`;
const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } openSocialCase { caseNumber } } }`;

/** Blocks (spärr): the family keeps categories of data from others; a block goes before consent. */
describe('blocks', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 2 });
    // Both guardians consented to the SIP's participants: the counsellor and the doctor read everything.
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' });
  });
  const parent = (i: number): TokenClaims => guardianClaims(child.custodianIds[i]);
  /** What a reader gets of the two fields: the value, or the refusal's reason. */
  const read = async (as: Persona) => {
    const response = await graph.query(READ, { id: child.id }, as);
    const reasonAt = (field: string) =>
      response.errors?.find((e) => e.path?.[1] === field)?.extensions?.reason ?? 'served';
    return { careContacts: reasonAt('careContacts'), openSocialCase: reasonAt('openSocialCase') };
  };
  const place = (input: Record<string, unknown>, as: Persona | TokenClaims = parent(0)) =>
    graph.query(PLACE, { input: { childId: child.id, ...input } }, as);

  it('keeps a category from every other agency, before any consent, until the family lifts it', async () => {
    clock.set(NOW);
    expect(await read('school counsellor')).toEqual({ careContacts: 'served', openSocialCase: 'served' });
    const placed = await place({ scopes: ['HEALTH_CARE_CONTACTS'], reason: 'Vi vill inte att skolan ser detta' });
    expect(placed.data?.placeBlock).toMatchObject({
      fromUnits: [],
      givenBy: child.custodianIds[0],
      recordedByStaff: false,
    });
    expect(await read('school counsellor')).toEqual({ careContacts: 'BLOCKED', openSocialCase: 'served' });
    expect(await read('social worker')).toMatchObject({ careContacts: 'BLOCKED' });
    // Health care's own staff still read their own records.
    expect(await read('BUP doctor')).toMatchObject({ careContacts: 'served' });

    const id = placed.data!.placeBlock.id;
    expect((await graph.query(LIFT, { id }, 'social worker')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graph.query(LIFT, { id }, parent(1))).errors).toBeUndefined();
    expect(await read('school counsellor')).toEqual({ careContacts: 'served', openSocialCase: 'served' });
    const again = await graph.query(LIFT, { id }, parent(0));
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'already lifted' });
  });

  it('keeps a category from named units only, until its end', async () => {
    clock.set(NOW);
    await ok(
      graph,
      PLACE,
      {
        input: {
          childId: child.id,
          scopes: ['SOCIAL_CASE'],
          fromUnits: [{ agency: 'HEALTH_CARE', unit: 'BUP Norra' }],
          until: '2026-11-24T10:00:00.000Z',
        },
      },
      parent(0),
    );
    expect(await read('BUP doctor')).toMatchObject({ openSocialCase: 'BLOCKED' });
    expect(await read('school counsellor')).toMatchObject({ openSocialCase: 'served' });
    clock.set('2026-11-24T10:00:00.000Z');
    expect(await read('BUP doctor')).toMatchObject({ openSocialCase: 'served' });
  });

  it("lets staff in the open SIP record the family's block, marked for review, and no one else", async () => {
    clock.set(NOW);
    const input = { scopes: ['SCHOOL_ENROLMENT'], sipId: sip.sipId, givenBy: child.custodianIds[1] };
    const outsider = await place(input, 'nurse outside every SIP');
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noWord = await place({ ...input, givenBy: undefined }, 'social worker');
    expect(noWord.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenBy' });
    const recorded = await ok(graph, PLACE, { input: { childId: child.id, ...input } }, 'social worker');
    expect(recorded.placeBlock).toMatchObject({
      givenBy: child.custodianIds[1],
      recordedBy: 'staff-social-1',
      recordedByStaff: true,
    });
    const queue = await ok(
      graph,
      `{ reviewQueue(kinds: [STAFF_RECORDED_BLOCK]) { key childId } }`,
      {},
      'privacy officer',
    );
    expect(queue.reviewQueue).toContainEqual({ key: recorded.placeBlock.id, childId: child.id });
    // Another family's guardian neither places nor sees it.
    const stranger = guardianClaims('22222222-0000-4000-8000-000000000001');
    expect((await place({ scopes: ['SCHOOL_ENROLMENT'] }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const seen = await graph.query(`query ($id: ID!) { blocks(childId: $id) { id } }`, { id: child.id }, stranger);
    expect(seen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await ok(
      graph,
      `query ($id: ID!) { blocks(childId: $id) { id recordedByStaff } }`,
      { id: child.id },
      parent(0),
    );
    expect(own.blocks).toContainEqual({ id: recorded.placeBlock.id, recordedByStaff: true });
  });

  it('refuses a block with no category or an end in the past', async () => {
    clock.set(NOW);
    expect((await place({ scopes: [] })).errors?.[0].extensions).toMatchObject({ field: 'input.scopes' });
    expect(
      (await place({ scopes: ['SOCIAL_CASE'], until: '2026-11-01T00:00:00Z' })).errors?.[0].extensions,
    ).toMatchObject({
      field: 'input.until',
    });
  });
});
