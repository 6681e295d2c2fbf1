import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const READ = `query ($id: ID!) { child(id: $id) {
  givenName careContacts { unitName } openSocialCase { caseNumber } } }`;

/** What a parent, or a child from 15, is told when the graph does not show them something. */
describe('refusals addressed to the family', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it('say in plain words who holds the data and what to do, with the same stable code and reason', async () => {
    const response = await graph.query(READ, { id: demoChildren.alva.id }, 'guardian (Maria Lindqvist)');
    expect(response.data?.child).toEqual({ givenName: 'Alva', careContacts: null, openSocialCase: null });
    const careContacts = response.errors?.find((error) => error.path?.at(-1) === 'careContacts');
    expect(careContacts).toMatchObject({
      message:
        'The records about your child that health care keeps (which care units (BUP, habilitering, vårdcentral, ' +
        'paediatrics) the child is in contact with) are not shown in this service. Ask health care to see them; ' +
        'you have the right to read them there.',
      extensions: { code: 'CONSENT_REQUIRED', reason: 'NO_RELATION', scope: 'HEALTH_CARE_CONTACTS' },
    });
    const socialCase = response.errors?.find((error) => error.path?.at(-1) === 'openSocialCase');
    expect(socialCase?.message).toMatch(/^The records about your child that social services keeps/);
  });

  it('speak to the child about themselves', async () => {
    const response = await graph.query(READ, { id: demoChildren.elias.id }, 'child, 16 (Elias Berg)');
    const careContacts = response.errors?.find((error) => error.path?.at(-1) === 'careContacts');
    expect(careContacts?.message).toMatch(/^The records about you that health care keeps/);
    expect(careContacts?.extensions).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'NO_RELATION' });
  });

  it('stay technical for staff, who read the rule', async () => {
    const response = await graph.query(READ, { id: demoChildren.alva.id }, 'nurse outside every SIP');
    const socialCase = response.errors?.find((error) => error.path?.at(-1) === 'openSocialCase');
    expect(socialCase?.message).toBe(
      'Consent required for SOCIAL_CASE: the requester takes part in none of the child’s open SIPs and no consent ' +
        'names them',
    );
  });
});
