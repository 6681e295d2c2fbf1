import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import {
  activeSip,
  childClaims,
  guardianClaims,
  ok,
  planInput,
  refusal,
  SAVE_PLAN,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const MINE = `{ myPlanSummaries { sipId versionNumber summary { text whatWillHappen whoHelps followUpOn
  printableHtml } } }`;
const LET = `mutation ($sipId: ID!, $allowed: Boolean!) { letChildReadSummary(sipId: $sipId, allowed: $allowed) {
  childMayReadSummary } }`;

/** The child's own summary of the plan: plain Swedish, readable at any age the guardians allow. */
describe('the child’s summary of the plan', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    // Twelve years old: the SIP itself is not theirs to read.
    child = await childWithRecords(graph, { born: '20140301', custodians: 1 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' });
    await ok(graph, SAVE_PLAN, { sipId: sip.sipId, input: planInput(sip.ids.socialWorker, '2027-02-15') });
  });

  it('says what will happen, who helps and when we meet again, in plain Swedish', async () => {
    const { sip: read } = await ok(
      graph,
      `query ($id: ID!) { sip(id: $id) { currentVersion { childSummary { text whoHelps } } } }`,
      { id: sip.sipId },
    );
    const { text, whoHelps } = read.currentVersion.childSummary;
    expect(text).toContain('Hej Testbarn!');
    expect(text).toContain('- Samtal med kurator, varje vecka, Ekbackens skola.');
    expect(text).toContain('- Föräldrarna följer Testbarn till skolan på måndagar.');
    expect(text).toContain('Vi ska träffas och se hur det går senast måndag 15 februari.');
    expect(whoHelps).toEqual(['Karin Kurator (Ekbackens skola)', 'Eva Sundberg, som håller ihop planen']);
  });

  it('is the child’s to read once a guardian with custody allows it, and no longer when they stop it', async () => {
    const asChild = childClaims(child.id);
    expect((await ok(graph, MINE, {}, asChild)).myPlanSummaries).toEqual([]);
    // The SIP itself stays the family's and the staff's.
    expect(
      (await graph.query(`query ($id: ID!) { sip(id: $id) { id } }`, { id: sip.sipId }, asChild)).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');

    expect(refusal(await graph.query(LET, { sipId: sip.sipId, allowed: true }, 'social worker'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(refusal(await graph.query(LET, { sipId: sip.sipId, allowed: true }, asChild))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const parent = guardianClaims(child.custodianIds[0]);
    expect((await ok(graph, LET, { sipId: sip.sipId, allowed: true }, parent)).letChildReadSummary).toEqual({
      childMayReadSummary: true,
    });
    const [mine] = (await ok(graph, MINE, {}, asChild)).myPlanSummaries;
    expect(mine).toMatchObject({ sipId: sip.sipId, versionNumber: 1, summary: { followUpOn: '2027-02-15' } });
    expect(mine.summary.printableHtml).toContain('<h1>Min plan</h1>');
    expect(mine.summary.printableHtml).toContain('<li>Samtal med kurator, varje vecka, Ekbackens skola.</li>');

    await ok(graph, LET, { sipId: sip.sipId, allowed: false }, parent);
    expect((await ok(graph, MINE, {}, asChild)).myPlanSummaries).toEqual([]);
  });

  it('is a child’s own from 15 without asking', async () => {
    const older = await childWithRecords(graph, { born: '20100301', custodians: 1 });
    const olderSip = await activeSip(graph, older, {
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2027-11-01T00:00:00Z',
    });
    await ok(graph, SAVE_PLAN, { sipId: olderSip.sipId, input: planInput(olderSip.ids.socialWorker, '2027-02-15') });
    const mine = (await ok(graph, MINE, {}, childClaims(older.id))).myPlanSummaries;
    expect(mine.map((s: { sipId: string }) => s.sipId)).toEqual([olderSip.sipId]);
  });
});
