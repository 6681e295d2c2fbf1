import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoGuardians } from '../../../dev/demo/people.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { ADD_PARTICIPANT, ANSWER, INITIATE, ok, STAFF } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

/** The README's walk through the demo, step by step, as the personas `npm start` prints tokens for. */
describe("the README's walkthrough", () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it("starts Juni's SIP, her mother gives consent in her app, and only the SIP's people read", async () => {
    const juni = demoChildren.juni.id;
    const { initiateSip } = await ok(graph, INITIATE, {
      input: {
        childId: juni,
        questions: ['Hur kan Juni komma tillbaka till skolan?'],
        invitations: [
          { agency: 'SCHOOL', unit: 'Ekbackens skola' },
          { agency: 'HEALTH_CARE', unit: 'BUP Norra' },
        ],
        initiatorTitle: 'socialsekreterare',
      },
    });
    const sipId = initiateSip.id;
    await ok(graph, ANSWER, { sipId, answer: 'AGREED' });
    const { giveConsent } = await ok(
      graph,
      `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { status recipients { sipParticipants }
        recordedByStaff } }`,
      {
        input: {
          childId: juni,
          sipId,
          scopes: ['SCHOOL_ENROLMENT', 'SCHOOL_ATTENDANCE', 'SOCIAL_PLACEMENTS'],
          purpose: 'SIP: Junis skolgång',
          validFrom: new Date(Date.now() - 60_000).toISOString(),
          validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
        },
      },
      'guardian (Sara Berg)',
    );
    expect(giveConsent).toEqual({ status: 'ACTIVE', recipients: { sipParticipants: true }, recordedByStaff: false });
    await ok(graph, ADD_PARTICIPANT, { sipId, input: STAFF.counsellor });

    const READ = `query ($id: ID!) { child(id: $id) { givenName placements { nodes { kind } } } }`;
    const counsellor = await ok(graph, READ, { id: juni }, 'school counsellor');
    expect(counsellor.child).toEqual({
      givenName: 'Juni',
      placements: { nodes: [{ kind: 'FAMILY_HOME' }, { kind: 'EMERGENCY_HOME' }] },
    });
    const nurse = await graph.query(READ, { id: juni }, 'nurse outside every SIP');
    expect(nurse.data?.child).toEqual({ givenName: null, placements: null });
    expect(nurse.errors?.map((e) => e.extensions?.code).sort()).toEqual(['CONSENT_REQUIRED', 'FORBIDDEN']);
    expect(nurse.errors?.find((e) => e.extensions?.code === 'CONSENT_REQUIRED')?.extensions?.reason).toBe(
      'NO_RELATION',
    );
  });

  it("lets Johan limit Alva's consent alone, keeping Maria's word, and the counsellor's read follows", async () => {
    const alva = demoChildren.alva.id;
    const CARE = `query ($id: ID!) { child(id: $id) { careContacts { unitName } openSocialCase { caseNumber } } }`;
    const before = await ok(graph, CARE, { id: alva }, 'school counsellor');
    expect(before.child.careContacts.length).toBeGreaterThan(0);
    const current = await (graph.subgraphs.sip.prisma as any).consent.findUniqueOrThrow({
      where: { id: demoConsentId(11) },
    });
    const { giveConsent } = await ok(
      graph,
      `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { status givenByGuardians { givenName } } }`,
      {
        input: {
          childId: alva,
          replacesConsentId: demoConsentId(11),
          scopes: ['SCHOOL_ENROLMENT', 'SCHOOL_ATTENDANCE', 'SCHOOL_SUPPORT', 'SOCIAL_CASE'],
          purpose: 'SIP',
          validFrom: current.validFrom.toISOString(),
          validUntil: current.validUntil.toISOString(),
        },
      },
      'guardian (Johan Lindqvist)',
    );
    expect(giveConsent.status).toBe('ACTIVE');
    expect(giveConsent.givenByGuardians.map((g: { givenName: string }) => g.givenName).sort()).toEqual([
      demoGuardians.johanLindqvist.givenName,
      demoGuardians.mariaLindqvist.givenName,
    ]);
    const after = await graph.query(CARE, { id: alva }, 'school counsellor');
    expect(after.data?.child.careContacts).toBeNull();
    expect(after.data?.child.openSocialCase).not.toBeNull();
    expect(after.errors?.[0].extensions).toMatchObject({ reason: 'SCOPE_NOT_COVERED' });
  });
});
