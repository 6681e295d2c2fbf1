import { beforeAll, describe, expect, it } from 'vitest';
import { registerTestChild, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, childClaims, guardianClaims, ok, refusal, type ActiveSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const VOICE = `{ myVoice { sipId participants { id name } views { text sharedWith { name } } } }`;
const GIVE = `mutation ($sipId: ID!, $input: ChildViewInput!) { giveChildView(sipId: $sipId, input: $input) {
  text sharedWith { name } } }`;
const VIEWS = `query ($id: ID!) { sip(id: $id) { childViews { text } } }`;
const SAID = 'Jag vill att skolan lyssnar på mig. Jag vill sitta längst bak.';

/** The child's own views: written by the child at any age, read only by those the child chose. */
describe('the child’s own views', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    child = await registerTestChild(graph, { born: '20150301', custodians: 2 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' });
  });

  it('are written by the child, at 11, shared with whom they choose', async () => {
    const { myVoice } = await ok(graph, VOICE, {}, childClaims(child.id));
    expect(myVoice).toHaveLength(1);
    expect(myVoice[0].participants.map((p: { name: string }) => p.name)).toContain('Karin Kurator');
    const { giveChildView } = await ok(
      graph,
      GIVE,
      { sipId: sip.sipId, input: { text: SAID, shareWith: [sip.ids.counsellor] } },
      childClaims(child.id),
    );
    expect(giveChildView).toEqual({ text: SAID, sharedWith: [{ name: 'Karin Kurator' }] });
    expect((await ok(graph, VOICE, {}, childClaims(child.id))).myVoice[0].views).toEqual([
      { text: SAID, sharedWith: [{ name: 'Karin Kurator' }] },
    ]);
  });

  it('are read by those the child chose, and by nobody else, guardians included', async () => {
    expect((await ok(graph, VIEWS, { id: sip.sipId }, 'school counsellor')).sip.childViews).toEqual([{ text: SAID }]);
    for (const as of ['BUP doctor', 'social worker', guardianClaims(child.custodianIds[0])] as const)
      expect((await ok(graph, VIEWS, { id: sip.sipId }, as)).sip.childViews).toEqual([]);
  });

  it('are the child’s own to write: nobody else writes them, and only to those taking part', async () => {
    const input = { text: 'Något', shareWith: [] };
    for (const as of [guardianClaims(child.custodianIds[0]), 'school counsellor', childClaims(sip.sipId)] as const)
      expect(refusal(await graph.query(GIVE, { sipId: sip.sipId, input }, as))).toMatchObject({ code: 'FORBIDDEN' });
    const stranger = await graph.query(
      GIVE,
      { sipId: sip.sipId, input: { ...input, shareWith: [child.custodianIds[0]] } },
      childClaims(child.id),
    );
    expect(refusal(stranger)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shareWith.0' });
  });
});
