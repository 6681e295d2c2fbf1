import { beforeAll, describe, expect, it } from 'vitest';
import { recordsInEveryCategory } from '../../support/agency-records.ts';
import { registerTestChild, settableClock } from '../../support/consent-fixtures.ts';
import { activeSip, ok, planInput, refusal, SAVE_PLAN, type ActiveSip } from '../../support/sip-fixtures.ts';
import { childPersonnummer } from '../../support/child-personnummer.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const WINDOW = { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' };
const PLAN = `query ($id: ID!) { sip(id: $id) { currentVersion { interventions { what agencyRecordId
  socialIntervention { kind provision } } } } }`;

/** An intervention in a plan can show the agency's own record of it, under that agency's consent scope. */
describe("an agency's record of a plan intervention", () => {
  let graph: TestGraph;
  let covered: ActiveSip;
  let notCovered: ActiveSip;
  // The case system's decision about the child, as its integration view shows it.
  const recordOf = async (childId: string) => {
    const personnummer = (await childPersonnummer(graph, [childId])).get(childId);
    return (
      await (graph.subgraphs.social.source as any).socialIntervention.findFirstOrThrow({ where: { personnummer } })
    ).id;
  };
  const linkedPlan = (sip: ActiveSip, recordIds: string[]) => {
    const plan = planInput(sip.ids.socialWorker, '2027-03-01');
    const base = {
      ...plan.interventions[0],
      what: 'Kontaktperson',
      agency: 'SOCIAL_SERVICES',
      unit: 'Barn och familj',
      responsiblePerson: 'Eva Sundberg',
    };
    return { ...plan, interventions: recordIds.map((agencyRecordId) => ({ ...base, agencyRecordId })) };
  };

  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    const [child, other, uncovered] = await Promise.all(
      [1, 2, 3].map(() => registerTestChild(graph, { born: '20120101', custodians: 1 })),
    );
    await recordsInEveryCategory(graph, [child.id, other.id, uncovered.id]);
    covered = await activeSip(graph, child, { ...WINDOW, scopes: ['SOCIAL_INTERVENTIONS'] });
    notCovered = await activeSip(graph, uncovered, { ...WINDOW, scopes: ['SOCIAL_CASE'] });
    // The second link points at another child's record: it must never show in this plan.
    await ok(graph, SAVE_PLAN, {
      sipId: covered.sipId,
      input: linkedPlan(covered, [await recordOf(child.id), await recordOf(other.id)]),
    });
    await ok(graph, SAVE_PLAN, {
      sipId: notCovered.sipId,
      input: linkedPlan(notCovered, [await recordOf(uncovered.id)]),
    });
  });

  it("shows another agency the record when the child's consent covers it, and never another child's", async () => {
    const response = await graph.query(PLAN, { id: covered.sipId }, 'school counsellor');
    expect(response.errors).toBeUndefined();
    expect(response.data!.sip.currentVersion.interventions.map((i: any) => i.socialIntervention)).toEqual([
      { kind: 'Kontaktperson', provision: '4 kap. 1 § SoL' },
      null,
    ]);
  });

  it('withholds it, saying why, when the consent does not cover the category', async () => {
    const response = await graph.query(PLAN, { id: notCovered.sipId }, 'school counsellor');
    expect(response.data!.sip.currentVersion.interventions).toEqual([
      { what: 'Kontaktperson', agencyRecordId: expect.any(String), socialIntervention: null },
    ]);
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['sip', 'currentVersion', 'interventions', 0, 'socialIntervention'],
        extensions: expect.objectContaining({
          code: 'CONSENT_REQUIRED',
          scope: 'SOCIAL_INTERVENTIONS',
          reason: 'SCOPE_NOT_COVERED',
        }),
      }),
    ]);
  });

  it('shows it to social services’ own staff without consent', async () => {
    const response = await graph.query(PLAN, { id: notCovered.sipId }, 'social worker');
    expect(response.errors).toBeUndefined();
    expect(response.data!.sip.currentVersion.interventions[0].socialIntervention).toEqual({
      kind: 'Kontaktperson',
      provision: '4 kap. 1 § SoL',
    });
  });

  it('refuses a link that is not a record id', async () => {
    const plan = linkedPlan(covered, ['not-an-id']);
    expect(refusal(await graph.query(SAVE_PLAN, { sipId: covered.sipId, input: plan }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.interventions.0.agencyRecordId',
      reason: "must be the id of the intervention's record in the agency's own system",
    });
  });
});
