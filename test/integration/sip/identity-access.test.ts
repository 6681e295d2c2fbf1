import { beforeAll, describe, expect, it } from 'vitest';
import { demoCohort } from '../../../dev/demo/cohort.ts';
import { demoChildren } from '../../../dev/demo/people.ts';
import { demoParticipantId, demoSipId } from '../../../dev/demo/sip-ids.ts';
import { testPersonnummer } from '../../support/consent-fixtures.ts';
import { ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const IDENTITY = `query ($id: ID!) { child(id: $id) { givenName personnummer guardians { guardian { givenName } } } }`;
const LOOKUP = `query ($pnr: String!, $purpose: String!) { childByPersonnummer(personnummer: $pnr, purpose: $purpose) {
  id givenName } }`;
const LOG = `query ($subject: String) { consentAuditLog(requesterSubject: $subject) { kind childId fields granted
  purpose child { givenName personnummer } } }`;
const REMOVE = `mutation ($id: ID!, $reason: String!) { removeParticipant(participantId: $id, reason: $reason) { id
  removedAt removalReason } }`;

/** Who sees a child's identity and consents in the SIP core, and the log of every staff read. */
describe("the SIP core's records of a child", () => {
  let graph: TestGraph;
  let juniPersonnummer: string;
  beforeAll(async () => {
    graph = await startTestGraph();
    const row = await (graph.subgraphs.sip.prisma as any).child.findUniqueOrThrow({
      where: { id: demoChildren.juni.id },
    });
    juniPersonnummer = `${row.personnummer.slice(0, 8)}-${row.personnummer.slice(8)}`;
  });
  const log = async (subject: string) =>
    (await ok(graph, LOG, { subject }, 'privacy officer')).consentAuditLog as Array<Record<string, any>>;

  it('shows staff the identity of a child whose SIP they take part in, and logs the read', async () => {
    const read = await ok(graph, IDENTITY, { id: demoChildren.alva.id }, 'BUP doctor');
    expect(read.child).toMatchObject({ givenName: 'Alva', personnummer: expect.stringMatching(/^\d{8}-982\d$/) });
    expect(await log('staff-bup-norra-1')).toContainEqual({
      kind: 'CHILD_IDENTITY',
      childId: demoChildren.alva.id,
      fields: expect.arrayContaining(['Child.givenName', 'Child.personnummer', 'Child.guardians']),
      granted: true,
      purpose: null,
      // The privacy officer sees who it was about here, in the log.
      child: { givenName: 'Alva', personnummer: read.child.personnummer },
    });
  });

  it('lets staff look a child up by exact personnummer with a purpose, logged with it, to start a SIP', async () => {
    const outsider: Persona = 'nurse outside every SIP';
    const before = await graph.query(IDENTITY, { id: demoChildren.juni.id }, outsider);
    expect(before.data?.child.givenName).toBeNull();
    const found = await ok(graph, LOOKUP, { pnr: juniPersonnummer, purpose: 'initiera SIP' }, outsider);
    expect(found.childByPersonnummer).toEqual({ id: demoChildren.juni.id, givenName: 'Juni' });
    const entries = await log('staff-vc-norr-1');
    for (const field of ['Query.childByPersonnummer', 'Child.givenName'])
      expect(entries, field).toContainEqual(
        expect.objectContaining({
          kind: 'CHILD_IDENTITY',
          childId: demoChildren.juni.id,
          granted: true,
          purpose: 'initiera SIP',
          fields: expect.arrayContaining([field]),
        }),
      );
    // The lookup lasts for its request only: afterwards, as before, no relation and no name.
    const after = await graph.query(IDENTITY, { id: demoChildren.juni.id }, outsider);
    expect(after.data?.child.givenName).toBeNull();
  });

  it.each([
    [{ pnr: '20120314-0000', purpose: 'initiera SIP' }, 'personnummer'],
    [{ pnr: 'not-a-number', purpose: 'initiera SIP' }, 'personnummer'],
    [{ pnr: 'JUNI', purpose: '  ' }, 'purpose'],
  ])('refuses a lookup %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const response = await graph.query(
      LOOKUP,
      { ...variables, pnr: variables.pnr === 'JUNI' ? juniPersonnummer : variables.pnr },
      'nurse outside every SIP',
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('offers lookups to staff and privacy officers, not the family, and finds no one by a near miss', async () => {
    const response = await graph.query(
      LOOKUP,
      { pnr: juniPersonnummer, purpose: 'nyfiken' },
      'guardian (Maria Lindqvist)',
    );
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await ok(
      graph,
      LOOKUP,
      { pnr: testPersonnummer('20100101'), purpose: 'initiera SIP' },
      'social worker',
    );
    expect(other.childByPersonnummer).toBeNull();
  });

  it('shows a whole agency named by the family the identity, as a named recipient', async () => {
    const full = demoCohort.find((child) => child.consent === 'FULL')!;
    const read = await ok(graph, IDENTITY, { id: full.id }, 'nurse outside every SIP');
    expect(read.child.givenName).toBe(full.givenName);
  });

  it.each(['WITHDRAWN', 'EXPIRED'] as const)(
    'shows nothing of a child to a whole agency a %s consent named: it names nobody now',
    async (situation) => {
      const child = demoCohort.find((candidate) => candidate.consent === situation)!;
      const read = await graph.query(
        `query ($id: ID!) { child(id: $id) { givenName personnummer guardians { guardian { personnummer } } } }`,
        { id: child.id },
        'nurse outside every SIP',
      );
      expect(read.data?.child).toEqual({ givenName: null, personnummer: null, guardians: null });
      expect(read.errors?.map((error) => error.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
    },
  );

  it("shows a child's consents to staff in its SIP and the privacy officer, logged, not to outsiders", async () => {
    const CONSENTS = `query ($id: ID!) { consents(childId: $id) { id recipients { sipParticipants } } }`;
    expect((await ok(graph, CONSENTS, { id: demoChildren.noah.id }, 'BUP doctor')).consents).toHaveLength(1);
    const refused = await graph.query(CONSENTS, { id: demoChildren.noah.id }, 'nurse outside every SIP');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(graph, CONSENTS, { id: demoChildren.noah.id }, 'privacy officer');
    for (const [subject, granted] of [
      ['staff-bup-norra-1', true],
      ['staff-vc-norr-1', false],
      ['dpo-1', true],
    ] as const)
      expect(await log(subject), subject).toContainEqual(
        expect.objectContaining({ kind: 'CHILD_CONSENTS', childId: demoChildren.noah.id, granted }),
      );
  });

  it('removes a participant: their next read of the plan, the identity and the data is refused', async () => {
    // The BUP doctor takes part in Noah's SIP (participant 4) and reads under its consent.
    const READ = `query ($id: ID!) { child(id: $id) { givenName schoolPlacement { className } } }`;
    const before = await ok(graph, READ, { id: demoChildren.noah.id }, 'BUP doctor');
    expect(before.child).toEqual({ givenName: 'Noah', schoolPlacement: { className: '6A' } });

    const removed = await ok(
      graph,
      REMOVE,
      { id: demoParticipantId(3, 4), reason: 'Byter tjänst' },
      'school counsellor',
    );
    expect(removed.removeParticipant).toMatchObject({ removedAt: expect.any(String), removalReason: 'Byter tjänst' });

    const after = await graph.query(READ, { id: demoChildren.noah.id }, 'BUP doctor');
    expect(after.data?.child).toEqual({ givenName: null, schoolPlacement: null });
    expect(after.errors?.map((e) => e.extensions?.reason ?? e.extensions?.code)).toEqual(
      expect.arrayContaining(['NO_RELATION']),
    );
    const plan = await graph.query(`query ($id: ID!) { sip(id: $id) { id } }`, { id: demoSipId(3) }, 'BUP doctor');
    expect(plan.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Removed once; re-adding is refused, and a removal is not repeated.
    const again = await graph.query(REMOVE, { id: demoParticipantId(3, 4), reason: 'igen' }, 'school counsellor');
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'already removed' });
  });

  it('keeps the last staff member, and lets no outsider remove anyone', async () => {
    const outsider = await graph.query(REMOVE, { id: demoParticipantId(7, 1), reason: 'x' }, 'nurse outside every SIP');
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Leo's SIP has one staff member, the social worker who initiated it.
    const last = await graph.query(REMOVE, { id: demoParticipantId(4, 1), reason: 'Slutar' }, 'social worker');
    expect(last.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'the last staff member taking part cannot be removed; close the SIP instead',
    });
  });
});
