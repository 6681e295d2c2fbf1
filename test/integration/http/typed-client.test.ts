import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { MyChildDocument, MySipsDocument } from '../../../examples/typed-client/graphql.generated.ts';
import { SipGraphClient } from '../../../examples/typed-client/sip-graph-client.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

/** The typed client example, as a frontend app would use it, against the real graph. */
describe('the typed client example', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));
  const clientAs = async (as: Parameters<TestGraph['token']>[0]) =>
    new SipGraphClient(graph.gateway.url, await graph.token(as));

  it('tells a withheld value from an empty one, as staff, without parsing messages', async () => {
    const { data, withheld } = await (await clientAs('school counsellor')).run(MySipsDocument, {});
    const wilma = data.mySips.findIndex((sip) => sip.child.id === demoChildren.wilma.id);
    const alva = data.mySips.findIndex((sip) => sip.child.id === demoChildren.alva.id);
    // Wilma's consent has expired: her social case is withheld, and says so at its path.
    expect(data.mySips[wilma].child.openSocialCase).toBeNull();
    expect(withheld).toContainEqual({
      path: ['mySips', wilma, 'child', 'openSocialCase'],
      code: 'CONSENT_REQUIRED',
      reason: 'EXPIRED',
      scope: 'SOCIAL_CASE',
      leftOut: null,
    });
    // Alva's is released: a value, and nothing withheld at her paths.
    expect(data.mySips[alva].child.openSocialCase).toMatchObject({ caseNumber: expect.any(String) });
    expect(withheld.filter(({ path }) => path[1] === alva)).toEqual([]);
    // Care contacts are a list: an empty one would be [], a withheld one is null with its entry.
    for (const [index, sip] of data.mySips.entries()) {
      const entry = withheld.find(({ path }) => path[1] === index && path[3] === 'careContacts');
      expect(sip.child.careContacts === null).toBe(entry !== undefined);
    }
  });

  it('reads a guardian’s own child, with typed dates and enums', async () => {
    const { data, withheld } = await (
      await clientAs('guardian (Maria Lindqvist)')
    ).run(MyChildDocument, {
      childId: demoChildren.alva.id,
    });
    expect(withheld).toEqual([]);
    expect(data.child?.givenName).toBe('Alva');
    expect(data.consents.length).toBeGreaterThan(0);
    for (const consent of data.consents) {
      expect(consent.validUntil).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
      expect(['ACTIVE', 'EXPIRED', 'NOT_YET_VALID', 'REPLACED', 'WITHDRAWN']).toContain(consent.status);
    }
    expect(data.child?.sips[0].currentVersion?.followUpOn).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('throws on anything that is not a withheld value', async () => {
    const client = await clientAs('guardian (Maria Lindqvist)');
    await expect(client.run(MyChildDocument, { childId: 'not-an-id' })).rejects.toThrow(/BAD_USER_INPUT|FORBIDDEN/);
  });
});
