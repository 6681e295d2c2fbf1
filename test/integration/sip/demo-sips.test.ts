import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';
import { ok } from '../../support/sip-fixtures.ts';

const COORDINATED = `{ coordinatedSips { child { givenName } status followUp { state } } }`;
const CHILD_SIPS = `query ($id: ID!) { child(id: $id) { sips { status closure { reason } currentVersion { number
  fullySigned awaitingSignatureFrom { name } } } } }`;

/** `npm start` shows every stage of the process, and the README walks through it. */
describe('the demo SIPs', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it("gives each demo coordinator a worklist with the follow-ups' state", async () => {
    expect((await ok(graph, COORDINATED, {}, 'social worker')).coordinatedSips).toEqual([
      { child: { givenName: 'Wilma' }, status: 'ACTIVE', followUp: { state: 'OVERDUE' } },
      { child: { givenName: 'Alva' }, status: 'ACTIVE', followUp: { state: 'UPCOMING' } },
      { child: { givenName: 'Leo' }, status: 'AWAITING_FAMILY', followUp: { state: 'NOT_PLANNED' } },
    ]);
    expect((await ok(graph, COORDINATED, {}, 'school counsellor')).coordinatedSips).toEqual([
      { child: { givenName: 'Noah' }, status: 'ACTIVE', followUp: { state: 'NOT_PLANNED' } },
    ]);
    expect((await ok(graph, COORDINATED, {}, 'BUP doctor')).coordinatedSips).toEqual([
      { child: { givenName: 'Elias' }, status: 'ACTIVE', followUp: { state: 'UPCOMING' } },
    ]);
  });

  it("shows Alva's mother a plan signed by everyone", async () => {
    const { child } = await ok(graph, CHILD_SIPS, { id: demoChildren.alva.id }, 'guardian (Maria Lindqvist)');
    expect(child.sips).toEqual([
      { status: 'ACTIVE', closure: null, currentVersion: { number: 1, fullySigned: true, awaitingSignatureFrom: [] } },
    ]);
  });

  it('shows Elias (16) that version 2 awaits his signature and the doctor’s', async () => {
    const { child } = await ok(graph, CHILD_SIPS, { id: demoChildren.elias.id }, 'child, 16 (Elias Berg)');
    expect(child.sips).toEqual([
      {
        status: 'ACTIVE',
        closure: null,
        currentVersion: {
          number: 2,
          fullySigned: false,
          awaitingSignatureFrom: [{ name: 'Elias Berg' }, { name: 'Jonas Lind' }],
        },
      },
    ]);
  });

  it("documents why Saga's and Ebbe's SIPs ended", async () => {
    const saga = await ok(graph, CHILD_SIPS, { id: demoChildren.saga.id }, 'school counsellor');
    expect(saga.child.sips).toEqual([
      { status: 'CLOSED', closure: { reason: 'CONSENT_WITHDRAWN' }, currentVersion: null },
    ]);
    const ebbe = await ok(graph, CHILD_SIPS, { id: demoChildren.ebbe.id }, 'social worker');
    expect(ebbe.child.sips).toEqual([
      { status: 'CLOSED', closure: { reason: 'FAMILY_DECLINED' }, currentVersion: null },
    ]);
  });
});
