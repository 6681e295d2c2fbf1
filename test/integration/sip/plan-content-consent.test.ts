import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../../dev/dev-identity.ts';
import { registerTestChild, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { pdfText } from '../../support/pdf-text.ts';
import {
  activeSip,
  childClaims,
  guardianClaims,
  HELD,
  ok,
  planInput,
  refusal,
  SCHEDULE,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';
import { postGraphQL, startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const WINDOW = { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' };
const DIAGNOSIS = 'Testbarn har ADHD (F90.0).';
const MEDICATION = 'Medicinering med metylfenidat';

const SAVE = `mutation ($sipId: ID!, $input: PlanInput!) { savePlanVersion(sipId: $sipId, input: $input) {
  id number needs { text category } withheldFrom { section position participant { name } reason } } }`;
const READ = `query ($id: ID!) { sip(id: $id) { currentVersion { id number needs { text category keptFromGuardians }
  goals { description } interventions { id what category }
  leftOut { section category agency count reason } printableHtml pdf childSummary { text } } } }`;
const LOG = `query ($id: ID!) { childAccessLog(childId: $id) { requesterName scope fields subgraph granted reason } }`;
const PLACE_BLOCK = `mutation ($input: PlaceBlockInput!) { placeBlock(input: $input) { id } }`;
const LIFT_BLOCK = `mutation ($id: ID!) { liftBlock(blockId: $id) { id } }`;
const NOTES = `query ($id: ID!) { sip(id: $id) { meetings { notes { text category } notesLeftOut { category count
  reason } withheldFrom { participant { name } reason } } } }`;

/**
 * The plan's own text obeys the promise of the agencies' fields: each entry names its category, and
 * another agency's staff see it only where the consent covers that category and no block keeps it,
 * logged alike; every copy is made for its reader, and says what it left out.
 */
describe("the plan's content under consent", () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  const mother = () => guardianClaims(child.custodianIds[0]);

  /** A plan written by the BUP doctor: a shared need, the diagnosis, the care contact, a medication. */
  const doctorsPlan = () => {
    const plan = planInput(sip.ids.doctor, '2027-03-01');
    return {
      ...plan,
      needs: [
        { text: 'Testbarn behöver en lugn start på dagen.', category: 'SHARED' },
        { text: DIAGNOSIS, category: 'HEALTH_DIAGNOSES' },
        { text: 'Testbarn går på BUP varannan vecka.', category: 'HEALTH_CARE_CONTACTS' },
      ],
      interventions: [
        ...plan.interventions,
        {
          ...plan.interventions[0],
          what: MEDICATION,
          agency: 'HEALTH_CARE',
          unit: 'BUP Norra',
          category: 'HEALTH_MEDICATION',
        },
      ],
    };
  };
  const read = async (as: Persona | TokenClaims) => (await ok(graph, READ, { id: sip.sipId }, as)).sip.currentVersion;

  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    child = await registerTestChild(graph, { born: '20100301', custodians: 2 });
    // The consent covers the school, the social case and care contacts: not diagnoses, not medication.
    sip = await activeSip(graph, child, WINDOW);
    await ok(graph, SAVE, { sipId: sip.sipId, input: doctorsPlan() }, 'BUP doctor');
  });

  it("shows another agency's staff only entries of categories the consent covers, and what it left out", async () => {
    const school = await read('school counsellor');
    expect(school.needs.map((n: { text: string }) => n.text)).toEqual([
      'Testbarn behöver en lugn start på dagen.',
      'Testbarn går på BUP varannan vecka.',
    ]);
    expect(school.interventions.map((i: { what: string }) => i.what)).toEqual(['Samtal med kurator']);
    expect(school.leftOut).toEqual([
      { section: 'NEEDS', category: 'HEALTH_DIAGNOSES', agency: 'HEALTH_CARE', count: 1, reason: 'SCOPE_NOT_COVERED' },
      {
        section: 'INTERVENTIONS',
        category: 'HEALTH_MEDICATION',
        agency: 'HEALTH_CARE',
        count: 1,
        reason: 'SCOPE_NOT_COVERED',
      },
    ]);
    // The school's copies are made for the school: the page, the PDF and the child's summary.
    expect(school.printableHtml).not.toContain('ADHD');
    expect(school.printableHtml).not.toContain('metylfenidat');
    expect(school.printableHtml).toContain('Delar av planen visas inte i din kopia.');
    const pdf = await pdfText(school.pdf);
    expect(pdf).not.toContain('ADHD');
    expect(pdf).toContain('Delar av planen visas inte');
    expect(school.childSummary.text).not.toContain('metylfenidat');
    expect(school.childSummary.text).toContain('En del av planen visas inte i den här kopian.');
  });

  it('shows the whole plan to the family and to the agency its entries come from, leaving nothing out', async () => {
    for (const as of [mother(), childClaims(child.id), 'BUP doctor'] as const) {
      const version = await read(as);
      expect(version.needs.map((n: { text: string }) => n.text)).toContain(DIAGNOSIS);
      expect(version.interventions.map((i: { what: string }) => i.what)).toContain(MEDICATION);
      expect(version.leftOut).toEqual([]);
      expect(version.printableHtml).toContain('ADHD (F90.0). (Diagnoser)');
      expect(version.printableHtml).not.toContain('Delar av planen');
    }
  });

  it('logs each decision on a category of the plan, granted or refused, in the family’s log', async () => {
    const log = (await ok(graph, LOG, { id: child.id }, mother())).childAccessLog;
    const schoolReads = log.filter((entry: { requesterName: string }) => entry.requesterName === 'Karin Kurator');
    expect(schoolReads).toEqual(
      expect.arrayContaining([
        {
          requesterName: 'Karin Kurator',
          scope: 'HEALTH_DIAGNOSES',
          fields: ['PlanVersion.needs'],
          subgraph: 'sip',
          granted: false,
          reason: 'SCOPE_NOT_COVERED',
        },
        {
          requesterName: 'Karin Kurator',
          scope: 'HEALTH_CARE_CONTACTS',
          fields: ['PlanVersion.needs'],
          subgraph: 'sip',
          granted: true,
          reason: null,
        },
      ]),
    );
  });

  it('keeps an entry from every other agency once the family blocks its category (BLOCKED)', async () => {
    const placed = await ok(
      graph,
      PLACE_BLOCK,
      { input: { childId: child.id, scopes: ['HEALTH_CARE_CONTACTS'], reason: 'Skolan behöver inte veta.' } },
      mother(),
    );
    try {
      const school = await read('school counsellor');
      expect(school.needs.map((n: { text: string }) => n.text)).toEqual(['Testbarn behöver en lugn start på dagen.']);
      expect(school.leftOut).toContainEqual({
        section: 'NEEDS',
        category: 'HEALTH_CARE_CONTACTS',
        agency: 'HEALTH_CARE',
        count: 1,
        reason: 'BLOCKED',
      });
      expect((await read('BUP doctor')).needs).toHaveLength(3);
    } finally {
      await ok(graph, LIFT_BLOCK, { id: placed.placeBlock.id }, mother());
    }
  });

  it('answers an intervention asked for by id through _entities under the same rule', async () => {
    const medication = (await read('BUP doctor')).interventions.find((i: { what: string }) => i.what === MEDICATION);
    const entity = async (persona: Persona) =>
      postGraphQL(
        graph.subgraphs.sip.url,
        {
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PlanIntervention { what } } }',
          variables: { r: [{ __typename: 'PlanIntervention', id: medication.id }] },
        },
        { authorization: `Bearer ${await graph.token(persona)}` },
      );
    expect((await entity('school counsellor')).data).toEqual({ _entities: [null] });
    expect((await entity('BUP doctor')).data).toEqual({ _entities: [{ what: MEDICATION }] });
  });

  it('tells the writer who will not see what they wrote, and why', async () => {
    const { savePlanVersion } = await ok(graph, SAVE, { sipId: sip.sipId, input: doctorsPlan() }, 'BUP doctor');
    const withheld = savePlanVersion.withheldFrom.map(
      (w: { section: string; position: number; participant: { name: string }; reason: string }) =>
        `${w.participant.name}: ${w.section} ${w.position} ${w.reason}`,
    );
    expect(withheld.sort()).toEqual([
      'Eva Sundberg: INTERVENTIONS 1 SCOPE_NOT_COVERED',
      'Eva Sundberg: NEEDS 1 SCOPE_NOT_COVERED',
      'Karin Kurator: INTERVENTIONS 1 SCOPE_NOT_COVERED',
      'Karin Kurator: NEEDS 1 SCOPE_NOT_COVERED',
    ]);
    // The family is not told what others see.
    const asMother = await ok(
      graph,
      `query ($id: ID!) { sip(id: $id) { currentVersion { withheldFrom { reason } } } }`,
      { id: sip.sipId },
      mother(),
    );
    expect(asMother.sip.currentVersion.withheldFrom).toEqual([]);
  });

  it('keeps what a writer may not see when they revise the plan, as it was', async () => {
    const seenBySchool = await read('school counsellor');
    const plan = planInput(sip.ids.doctor, '2027-04-01');
    const { savePlanVersion } = await ok(
      graph,
      SAVE,
      {
        sipId: sip.sipId,
        input: {
          ...plan,
          needs: seenBySchool.needs.map(({ text, category }: Record<string, string>) => ({ text, category })),
        },
      },
      'school counsellor',
    );
    expect(savePlanVersion.needs.map((n: { text: string }) => n.text)).not.toContain(DIAGNOSIS);
    const asDoctor = await read('BUP doctor');
    expect(asDoctor.number).toBe(savePlanVersion.number);
    expect(asDoctor.needs.map((n: { text: string }) => n.text)).toEqual([
      'Testbarn behöver en lugn start på dagen.',
      'Testbarn går på BUP varannan vecka.',
      DIAGNOSIS,
    ]);
    expect(asDoctor.interventions.map((i: { what: string }) => i.what)).toEqual(['Samtal med kurator', MEDICATION]);
  });

  it("keeps an entry from the guardians at the young person's request, without telling them", async () => {
    const kept = { text: 'Testbarn vill själv berätta om ungdomsmottagningen.', category: 'HEALTH_CARE_CONTACTS' };
    await ok(
      graph,
      SAVE,
      {
        sipId: sip.sipId,
        input: { ...doctorsPlan(), needs: [...doctorsPlan().needs, { ...kept, keptFromGuardians: true }] },
      },
      'BUP doctor',
    );
    const asMother = await read(mother());
    expect(asMother.needs.map((n: { text: string }) => n.text)).not.toContain(kept.text);
    expect(asMother.leftOut).toEqual([]);
    expect(asMother.printableHtml).not.toContain('ungdomsmottagningen');
    expect(asMother.printableHtml).not.toContain('Delar av planen');
    const asChild = await read(childClaims(child.id));
    expect(asChild.needs).toContainEqual({ ...kept, keptFromGuardians: true });
    // The school sees it as the consent allows: the young person keeps it from their guardians only.
    expect((await read('school counsellor')).needs.map((n: { text: string }) => n.text)).toContain(kept.text);
  });

  it('refuses to keep an entry from the guardians of a child under 15 not judged mature enough', async () => {
    const younger = await registerTestChild(graph, { born: '20150301', custodians: 1 });
    const youngerSip = await activeSip(graph, younger, WINDOW);
    const plan = planInput(youngerSip.ids.doctor, '2027-03-01');
    const response = await graph.query(
      SAVE,
      {
        sipId: youngerSip.sipId,
        input: { ...plan, needs: [{ text: 'Hemligt', category: 'HEALTH_CARE_CONTACTS', keptFromGuardians: true }] },
      },
      'BUP doctor',
    );
    expect(refusal(response)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.needs.0.keptFromGuardians',
      reason: expect.stringContaining('recordMaturity'),
    });
  });

  it("refuses an intervention's category of another agency", async () => {
    const plan = planInput(sip.ids.doctor, '2027-03-01');
    const response = await graph.query(
      SAVE,
      {
        sipId: sip.sipId,
        input: { ...plan, interventions: [{ ...plan.interventions[0], category: 'HEALTH_DIAGNOSES' }] },
      },
      'BUP doctor',
    );
    expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.interventions.0.category' });
  });

  it("keeps a section of a meeting's notes from staff the consent does not cover, and tells the writer", async () => {
    const { scheduleMeeting } = await ok(graph, SCHEDULE, {
      input: {
        sipId: sip.sipId,
        kind: 'AGENCY_PRE_MEETING',
        startsAt: '2026-11-24T09:00:00Z',
        endsAt: '2026-11-24T10:00:00Z',
        mode: 'DIGITAL',
        link: 'https://meet.example/pre',
        chairId: sip.ids.socialWorker,
        invitedIds: [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.doctor],
      },
    });
    clock.set('2026-11-24T10:30:00.000Z');
    await ok(graph, HELD, {
      meetingId: scheduleMeeting.id,
      attendedIds: [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.doctor],
      notes: [
        { text: 'Alla är överens om en gemensam plan.', category: 'SHARED' },
        { text: `Läkaren berättade: ${DIAGNOSIS}`, category: 'HEALTH_DIAGNOSES' },
      ],
    });
    const notesAs = async (as: Persona) => (await ok(graph, NOTES, { id: sip.sipId }, as)).sip.meetings.at(-1);
    const school = await notesAs('school counsellor');
    expect(school.notes).toEqual([{ text: 'Alla är överens om en gemensam plan.', category: 'SHARED' }]);
    expect(school.notesLeftOut).toEqual([{ category: 'HEALTH_DIAGNOSES', count: 1, reason: 'SCOPE_NOT_COVERED' }]);
    const doctor = await notesAs('BUP doctor');
    expect(doctor.notes).toHaveLength(2);
    expect(doctor.withheldFrom.map((w: { participant: { name: string } }) => w.participant.name).sort()).toEqual([
      'Eva Sundberg',
      'Karin Kurator',
    ]);
  });
});
