import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, RECORD_CONSENT, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import {
  activeSip,
  ADD_PARTICIPANT,
  ANSWER,
  CLOSE,
  INITIATE,
  LINK_CONSENT,
  ok,
  STAFF,
} from '../../support/sip-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);
const OUTSIDER: Persona = 'nurse outside every SIP';
const READ = `query ($id: ID!) { child(id: $id) { schoolPlacement { schoolName } openSocialCase { caseNumber } } }`;
const REVIEW = `{ reviewQueue(kinds: [STAFF_LINKED_CONSENT]) { kind key childId requesterSubject } }`;

/** The nurse starts a SIP of her own for the child: the SIP she can act in. */
const nursesSip = async (graph: TestGraph, child: TestChild) =>
  (
    await ok(
      graph,
      INITIATE,
      {
        input: {
          childId: child.id,
          questions: ['Hur mår barnet?'],
          invitations: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
          initiatorTitle: 'sjuksköterska',
        },
      },
      OUTSIDER,
    )
  ).initiateSip.id as string;

/**
 * What an attack run found: any staff member could start a SIP for a child and then make a consent
 * count for it (record the family's "word", or link the family's consent to it) and read at once.
 * Whoever starts a SIP can never also be the one who records or links its consent, and the family
 * must have agreed to the SIP first.
 */
describe('access staff would grant themselves', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph({ clock })));

  it('refuses the staff member who started a SIP recording the family’s word in it, answered or not', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const sipId = await nursesSip(graph, child);
    const record = () =>
      graph.query(
        RECORD_CONSENT,
        {
          input: {
            sipId,
            childId: child.id,
            form: 'ORAL',
            guardianIds: child.custodianIds,
            scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE'],
            purpose: 'SIP',
            recipients: { sipParticipants: true, named: [], wholeAgencies: [] },
            validFrom: NOW,
            validUntil: '2027-11-23T10:00:00.000Z',
          },
        },
        OUTSIDER,
      );
    const unanswered = await record();
    expect(unanswered.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the family has not agreed to the SIP; only then may staff record the family’s consent',
    });
    await ok(graph, ANSWER, { sipId, answer: 'AGREED' }, OUTSIDER);
    const answered = await record();
    expect(answered.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason:
        'the staff member who started the SIP may not record the family’s consent; ' +
        'another staff member taking part does',
    });
    const read = await graph.query(READ, { id: child.id }, OUTSIDER);
    expect(read.data?.child).toEqual({ schoolPlacement: null, openSocialCase: null });
  });

  it('refuses linking a consent to a SIP its linker started; a colleague’s link is a review item', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    // The family's SIP closes with its goals met while their consent is still in force.
    const family = await activeSip(graph, child, { validFrom: NOW, validUntil: '2027-11-23T10:00:00.000Z' });
    await ok(graph, CLOSE, { sipId: family.sipId, reason: 'GOALS_MET', note: 'Målen nådda' });

    const sipId = await nursesSip(graph, child);
    const link = (as: Persona) => graph.query(LINK_CONSENT, { sipId, consentId: family.consentId }, as);
    expect((await link(OUTSIDER)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the family has not agreed to the SIP; only then may staff link a consent to it',
    });
    await ok(graph, ANSWER, { sipId, answer: 'AGREED' }, OUTSIDER);
    expect((await link(OUTSIDER)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason:
        'the staff member who started the SIP may not link a consent to it; another staff member taking part does',
    });
    const read = await graph.query(READ, { id: child.id }, OUTSIDER);
    expect(read.data?.child).toEqual({ schoolPlacement: null, openSocialCase: null });

    // A second staff member taking part may link it: four eyes, and the privacy officer sees it.
    await ok(graph, ADD_PARTICIPANT, { sipId, input: STAFF.counsellor }, OUTSIDER);
    expect((await link('school counsellor')).errors).toBeUndefined();
    const { reviewQueue } = await ok(graph, REVIEW, {}, 'privacy officer');
    expect(reviewQueue).toContainEqual({
      kind: 'STAFF_LINKED_CONSENT',
      key: `${sipId}/${family.consentId}`,
      childId: child.id,
      requesterSubject: 'staff-school-ekbacken-1',
    });
  });
});
