import { beforeAll, describe, expect, it } from 'vitest';
import { registerTestChild, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { childClaims, guardianClaims, ok, refusal, SIP_FIELDS } from '../../support/sip-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';
import type { TokenClaims } from '../../../dev/dev-identity.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const REQUEST_FIELDS = `id childId childName requestedBy needs agencies status daysWaiting
  answer { accepted reason sipId answeredBy agency unit howToComplain }`;
const ASK = `mutation ($input: SipRequestInput!) { requestSip(input: $input) { ${REQUEST_FIELDS} } }`;
const MINE = `query ($childId: ID!) { sipRequests(childId: $childId) { ${REQUEST_FIELDS} } }`;
const WORKLIST = `{ sipRequestWorklist { ${REQUEST_FIELDS} } }`;
const REFUSE = `mutation ($id: ID!, $reason: String!) { refuseSipRequest(requestId: $id, reason: $reason) {
  ${REQUEST_FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!, $input: InitiativeInput!) { acceptSipRequest(requestId: $id, input: $input) {
  ${SIP_FIELDS} } }`;
const INITIATIVE = {
  questions: ['Hur får barnet stöd i skolan och med sin oro?'],
  invitations: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
  initiatorTitle: 'läkare',
};
const REASON = 'Barnet har redan en samordnad plan i en annan kommun; vi kontaktar den.';

/** A family asks for a SIP; the agencies asked accept it or, exceptionally, refuse it with a reason. */
describe('a request for a SIP', () => {
  let graph: TestGraph;
  let child: TestChild;
  const mother = () => guardianClaims(child.custodianIds[0], 'Förälder1 Test');
  const ask = (as: Persona | TokenClaims = mother(), agencies = ['SCHOOL', 'HEALTH_CARE']) =>
    graph.query(
      ASK,
      { input: { childId: child.id, needs: 'Hen vill inte gå till skolan och sover dåligt.', agencies } },
      as,
    );

  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    child = await registerTestChild(graph, { born: '20140301', custodians: 2 });
  });

  it('is made by a guardian with custody, and by nobody outside the family', async () => {
    for (const as of [
      'school counsellor',
      'privacy officer',
      childClaims(child.id),
      guardianClaims('someone-else'),
    ] as const)
      expect(refusal(await ask(as))).toMatchObject({ code: 'FORBIDDEN' });
    const { requestSip } = await ok(
      graph,
      ASK,
      {
        input: {
          childId: child.id,
          needs: 'Hen vill inte gå till skolan och sover dåligt.',
          agencies: ['SCHOOL', 'HEALTH_CARE'],
        },
      },
      mother(),
    );
    expect(requestSip).toMatchObject({
      status: 'WAITING',
      daysWaiting: 0,
      requestedBy: 'Förälder1 Test',
      answer: null,
    });
    expect(refusal(await ask())).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.childId' });
  });

  it('waits in the worklist of the agencies asked, with the days waited, each view logged', async () => {
    clock.set('2026-11-26T10:00:00.000Z');
    const { sipRequestWorklist } = await ok(graph, WORKLIST, {}, 'school counsellor');
    expect(sipRequestWorklist).toEqual([
      expect.objectContaining({ childId: child.id, daysWaiting: 3, status: 'WAITING' }),
    ]);
    expect((await ok(graph, WORKLIST, {}, 'social worker')).sipRequestWorklist).toEqual([]);
    expect(refusal(await graph.query(WORKLIST, {}, mother()))).toMatchObject({ code: 'FORBIDDEN' });
    const log = await ok(
      graph,
      `query ($id: ID!) { childAccessLog(childId: $id) { requesterName kind fields purpose } }`,
      { id: child.id },
      mother(),
    );
    expect(log.childAccessLog).toContainEqual({
      requesterName: 'Karin Kurator',
      kind: 'CHILD_IDENTITY',
      fields: ['Query.sipRequestWorklist'],
      purpose: 'a request for a SIP addressed to the agency',
    });
  });

  it('is refused only by an agency asked, with a reason, shown to the family with how to complain', async () => {
    const [waiting] = (await ok(graph, MINE, { childId: child.id }, mother())).sipRequests;
    expect(refusal(await graph.query(REFUSE, { id: waiting.id, reason: REASON }, 'social worker'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(refusal(await graph.query(REFUSE, { id: waiting.id, reason: 'Nej.' }, 'school counsellor'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    await ok(graph, REFUSE, { id: waiting.id, reason: REASON }, 'school counsellor');
    expect(refusal(await graph.query(REFUSE, { id: waiting.id, reason: REASON }, 'BUP doctor'))).toMatchObject({
      field: 'requestId',
      reason: 'the request has already been answered',
    });
    const [refused] = (await ok(graph, MINE, { childId: child.id }, guardianClaims(child.custodianIds[1]))).sipRequests;
    expect(refused).toMatchObject({
      status: 'REFUSED',
      daysWaiting: 3,
      answer: {
        accepted: false,
        reason: REASON,
        answeredBy: 'Karin Kurator',
        agency: 'SCHOOL',
        unit: 'Ekbackens skola',
      },
    });
    expect(refused.answer.howToComplain).toMatch(/Skolinspektionen/);
    const { reviewQueue } = await ok(
      graph,
      `{ reviewQueue(kinds: [SIP_REQUEST_REFUSED]) { key childId detail } }`,
      {},
      'privacy officer',
    );
    expect(reviewQueue).toContainEqual({
      key: expect.stringContaining(waiting.id),
      childId: child.id,
      detail: `refused by SCHOOL, Ekbackens skola: ${REASON}`,
    });
  });

  it('once accepted, becomes a SIP started by the one who accepts it, the family’s answer already yes', async () => {
    const { requestSip } = await ok(
      graph,
      ASK,
      {
        input: { childId: child.id, needs: 'Vi behöver hjälp att samordna skola och BUP.', agencies: ['HEALTH_CARE'] },
      },
      mother(),
    );
    expect(
      refusal(await graph.query(ACCEPT, { id: requestSip.id, input: INITIATIVE }, 'school counsellor')),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const { acceptSipRequest } = await ok(graph, ACCEPT, { id: requestSip.id, input: INITIATIVE }, 'BUP doctor');
    expect(acceptSipRequest).toMatchObject({
      status: 'ACTIVE',
      familyAnswer: { answer: 'AGREED', note: 'Familjen bad om en SIP.' },
    });
    expect(acceptSipRequest.participants).toContainEqual(
      expect.objectContaining({ name: 'Jonas Lind', isInitiator: true, agency: 'HEALTH_CARE' }),
    );
    const [accepted] = (await ok(graph, MINE, { childId: child.id }, mother())).sipRequests;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', answer: { accepted: true, sipId: acceptSipRequest.id } });
    // While the SIP is open, the family works in it rather than asking again.
    expect(refusal(await ask())).toMatchObject({ field: 'input.childId', reason: 'the child already has an open SIP' });
  });

  it('is the young person’s own from 15, and theirs alone from 18', async () => {
    const teen = await registerTestChild(graph, { born: '20100301', custodians: 1 });
    const asTeen = await graph.query(
      ASK,
      { input: { childId: teen.id, needs: 'Jag vill ha hjälp med skolan.', agencies: ['SCHOOL'] } },
      childClaims(teen.id),
    );
    expect(asTeen.errors).toBeUndefined();
    const adult = await registerTestChild(graph, { born: '20081201', custodians: 1 });
    clock.set('2026-12-02T09:00:00.000Z');
    const asParent = await graph.query(
      ASK,
      { input: { childId: adult.id, needs: 'Hjälp med skolan.', agencies: ['SCHOOL'] } },
      guardianClaims(adult.custodianIds[0]),
    );
    expect(refusal(asParent)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'from 18 the young person asks for a SIP themselves',
    });
  });
});
