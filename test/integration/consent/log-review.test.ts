import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { findReviewItemsInBulk } from '../../../subgraphs/sip/consent-authority/audit/review-findings.ts';
import { ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const QUEUE = `query ($kinds: [ReviewKind!], $reviewed: Boolean, $above: Int) {
  reviewQueue(kinds: $kinds, reviewed: $reviewed, dailyChildrenAbove: $above) { kind key childId requesterSubject
    requesterName detail review { note reviewedBy } } }`;
const MARK = `mutation ($kind: ReviewKind!, $key: String!, $note: String!) { markReviewed(kind: $kind, key: $key,
  note: $note) { kind key review { note reviewedBy reviewedAt } } }`;

/** The privacy officer's systematic review of the log (logguppföljning). */
describe('the log review', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    const nurse = 'nurse outside every SIP' as const;
    // A read without relation, and a lookup by personnummer.
    await graph.query(
      `query ($id: ID!) { child(id: $id) { openSocialCase { caseNumber } } }`,
      {
        id: demoChildren.alva.id,
      },
      nurse,
    );
    const juni = await (graph.subgraphs.sip.prisma as any).child.findUniqueOrThrow({
      where: { id: demoChildren.juni.id },
    });
    await ok(
      graph,
      `query ($pnr: String!) { childByPersonnummer(personnummer: $pnr, purpose: "initiera SIP") { id } }`,
      {
        pnr: juni.personnummer,
      },
      nurse,
    );
    // The counsellor reads Alva, in whose SIP she takes part, and a whole school's students:
    // seventeen children in one day, sixteen of whose families named the whole school.
    await ok(
      graph,
      `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`,
      {
        id: demoChildren.alva.id,
      },
      'school counsellor',
    );
    await graph.query(
      `{ schoolPlacements(schoolUnitCode: "45811111") { nodes { child { givenName
      careContacts { unitName } } } } }`,
      {},
      'school counsellor',
    );
  });
  const queue = async (variables: Record<string, unknown> = {}) =>
    (await ok(graph, QUEUE, variables, 'privacy officer')).reviewQueue as Array<Record<string, any>>;

  it('lists staff-recorded consents, reads without relation or outside a SIP, lookups and unusual volume', async () => {
    const items = await queue({ above: 10 });
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'STAFF_RECORDED_CONSENT', key: demoConsentId(3), childId: demoChildren.noah.id }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'READ_WITHOUT_RELATION',
        childId: demoChildren.alva.id,
        requesterSubject: 'staff-vc-norr-1',
        requesterName: 'Sofia Ström',
        detail: 'CROSS_AGENCY SOCIAL_CASE: Child.openSocialCase',
      }),
    );
    // The counsellor read cohort children whose families named the whole school, outside any SIP.
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'READ_OUTSIDE_SIP',
        requesterSubject: 'staff-school-ekbacken-1',
        detail: 'CROSS_AGENCY HEALTH_CARE_CONTACTS: Child.careContacts',
      }),
    );
    // Alva's SIP has the counsellor taking part: her reads of Alva are not items.
    expect(items.filter((item) => item.kind === 'READ_OUTSIDE_SIP' && item.childId === demoChildren.alva.id)).toEqual(
      [],
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'LOOKUP_BY_PERSONNUMMER',
        childId: demoChildren.juni.id,
        detail: 'purpose: initiera SIP',
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'UNUSUAL_VOLUME',
        key: expect.stringMatching(/^staff-school-ekbacken-1\/\d{4}-\d{2}-\d{2}$/),
        detail: '17 children read that day',
      }),
    );
    // At the default threshold (20) seventeen children in a day is not unusual.
    expect((await queue({ kinds: ['UNUSUAL_VOLUME'] })).map((item) => item.requesterSubject)).not.toContain(
      'staff-school-ekbacken-1',
    );
  });

  it('finds the same items in one pass a month over a log kept from before its catch-up', async () => {
    await queue();
    const sip = graph.subgraphs.sip.prisma as any;
    const found = (db: any) =>
      Promise.all([
        db.$queryRawUnsafe(`SELECT "kind", "itemKey", "detail" FROM "ReviewFinding" ORDER BY 1, 2`),
        db.$queryRawUnsafe(`SELECT "requesterSubject", "day"::text, "children" FROM "ReadVolume" ORDER BY 1, 2`),
      ]);
    const caughtUp = await found(sip);
    expect(caughtUp[0].length).toBeGreaterThan(10);
    const undo = new Error('undo');
    await expect(
      sip.$transaction(async (tx: any) => {
        // As if the log had been written before the review's index existed (a superuser's empty start).
        await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
        for (const table of ['ReviewFinding', 'ReadVolume', 'ReviewProgress'])
          await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
        expect(await findReviewItemsInBulk(tx)).toBeGreaterThan(30);
        expect(await found(tx)).toEqual(caughtUp);
        // And the catch-up goes on from the log's head.
        const [{ behind }] = await tx.$queryRawUnsafe(`SELECT count(*)::int AS behind FROM "AuditChainHead" h
          LEFT JOIN "ReviewProgress" p USING ("table")
          WHERE h."table" = 'AuditGroup' AND p."seq" IS DISTINCT FROM h."seq"`);
        expect(behind).toBe(0);
        throw undo;
      }),
    ).rejects.toBe(undo);
  });

  it('marks an item reviewed once, with a note, kept in the chain; it leaves the open queue', async () => {
    const marked = await ok(
      graph,
      MARK,
      { kind: 'STAFF_RECORDED_CONSENT', key: demoConsentId(3), note: 'Stämmer med anteckningen från SIP-mötet.' },
      'privacy officer',
    );
    expect(marked.markReviewed.review).toMatchObject({
      note: 'Stämmer med anteckningen från SIP-mötet.',
      reviewedBy: 'dpo-1',
    });
    expect((await queue()).map((item) => item.key)).not.toContain(demoConsentId(3));
    expect((await queue({ reviewed: true })).map((item) => item.key)).toContain(demoConsentId(3));
    const again = await graph.query(
      MARK,
      { kind: 'STAFF_RECORDED_CONSENT', key: demoConsentId(3), note: 'igen' },
      'privacy officer',
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'key',
      reason: 'already reviewed',
    });
    const report = await ok(graph, `{ auditChainReport { intact } }`, {}, 'privacy officer');
    expect(report.auditChainReport.intact).toBe(true);
    await expect((graph.subgraphs.sip.prisma as any).auditReview.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('refuses an unknown item, an empty note, and anyone but a privacy officer', async () => {
    const unknown = await graph.query(
      MARK,
      { kind: 'UNUSUAL_VOLUME', key: 'nobody/2026-01-01', note: 'x' },
      'privacy officer',
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    const empty = await graph.query(
      MARK,
      { kind: 'STAFF_RECORDED_CONSENT', key: demoConsentId(3), note: ' ' },
      'privacy officer',
    );
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    for (const as of ['social worker', 'guardian (Maria Lindqvist)'] as const) {
      expect((await graph.query(QUEUE, {}, as)).errors?.[0].extensions?.code, as).toBe('FORBIDDEN');
    }
  });
});

/** What an outside review found: a privacy officer could mark their own lookup reviewed. */
describe('four eyes on the log review', () => {
  let graph: TestGraph;
  const otherOfficer = { sub: 'dpo-2', role: 'privacy_officer', name: 'Andra dataskyddsombudet' };
  beforeAll(async () => {
    graph = await startTestGraph();
  });

  it('leaves a privacy officer’s own lookup to another privacy officer, and says so in the queue', async () => {
    const juni = await (graph.subgraphs.sip.prisma as any).child.findUniqueOrThrow({
      where: { id: demoChildren.juni.id },
    });
    await ok(
      graph,
      `query ($pnr: String!) { childByPersonnummer(personnummer: $pnr, purpose: "granskning av ärende") { id } }`,
      { pnr: juni.personnummer },
      'privacy officer',
    );
    const ownQueue = `{ reviewQueue(kinds: [LOOKUP_BY_PERSONNUMMER]) { key requesterSubject reviewRefusal } }`;
    const [own] = (await ok(graph, ownQueue, {}, 'privacy officer')).reviewQueue.filter(
      (item: any) => item.requesterSubject === 'dpo-1',
    );
    expect(own.reviewRefusal).toBe('this is your own act: another privacy officer reviews it');
    const variables = { kind: 'LOOKUP_BY_PERSONNUMMER', key: own.key, note: 'Min egen sökning.' };
    const refused = await graph.query(MARK, variables, 'privacy officer');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'key' });
    const reviewed = (await ok(graph, QUEUE, { reviewed: true }, 'privacy officer')).reviewQueue;
    expect(reviewed.map((item: any) => item.key)).not.toContain(own.key);

    const [seenByOther] = (await ok(graph, ownQueue, {}, otherOfficer)).reviewQueue.filter(
      (item: any) => item.key === own.key,
    );
    expect(seenByOther.reviewRefusal).toBeNull();
    const marked = await ok(graph, MARK, { ...variables, note: 'Syftet stämmer.' }, otherOfficer);
    expect(marked.markReviewed.review).toMatchObject({ note: 'Syftet stämmer.', reviewedBy: 'dpo-2' });
  });
});
