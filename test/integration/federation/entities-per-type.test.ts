import { beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../../../lib/config/config.ts';
import { demoChildren, demoGuardians, demoRecordIds } from '../../../dev/demo/people.ts';
import { postGraphQL, startTestGraph, type TestGraph } from '../../support/test-graph.ts';

/**
 * Every entity of every subgraph, resolved through `_entities` directly on the subgraph (as a
 * router would) with a guardian's genuine token, for another family's child: the same rule as
 * the root field that returns the same data, so nothing of the other family comes back.
 */
const leosMother = { sub: demoGuardians.raniaHaddad.id, role: 'guardian' };

describe('_entities for a guardian, for every entity type of every subgraph', () => {
  let graph: TestGraph;
  let alvasIntervention: string;
  let alvasPersonnummer: string;
  beforeAll(async () => {
    graph = await startTestGraph();
    const sip = graph.subgraphs.sip.prisma as any;
    alvasIntervention = (
      await sip.planIntervention.findFirstOrThrow({ where: { agencyRecordId: demoRecordIds.alvaParentingSupport } })
    ).id;
    alvasPersonnummer = (await sip.child.findUniqueOrThrow({ where: { id: demoChildren.alva.id } })).personnummer;
  });

  const resolve = async (subgraph: SubgraphName, representation: object, selection: string) => {
    const token = await graph.token(leosMother);
    return postGraphQL(
      graph.subgraphs[subgraph].url,
      {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
        variables: { r: [representation] },
      },
      { authorization: `Bearer ${token}` },
    );
  };
  const alva = { __typename: 'Child', id: demoChildren.alva.id };

  it.each([
    ['sip', 'Child', () => alva, '... on Child { personnummer familyName guardians { guardian { givenName } } }'],
    ['school', 'Child', () => alva, '... on Child { schoolPlacement { schoolName } absences { nodes { date } } }'],
    [
      'social',
      'Child',
      () => alva,
      '... on Child { openSocialCase { caseNumber } socialInterventions { nodes { kind } } }',
    ],
    ['health', 'Child', () => alva, '... on Child { careContacts { unitName } diagnoses { nodes { code } } }'],
  ] as const)(
    '%s %s: refused, and nothing of the other family returned',
    async (subgraph, _type, representation, selection) => {
      const response = await resolve(subgraph, representation(), selection);
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.data);
      for (const secret of [
        alvasPersonnummer.slice(0, 8),
        'Lindqvist',
        'Ekbackens',
        'SOC-2025',
        'BUP Norra',
        'Föräldraskapsstöd',
      ])
        expect(text, secret).not.toContain(secret);
      expect(
        response.errors
          ?.map((error) => error.extensions?.code)
          .every((code) => ['FORBIDDEN', 'CONSENT_REQUIRED'].includes(code)),
      ).toBe(true);
      expect(response.errors?.length).toBeGreaterThan(0);
    },
  );

  it('sip PlanIntervention: refused, as the plan it belongs to is', async () => {
    const response = await resolve(
      'sip',
      { __typename: 'PlanIntervention', id: alvasIntervention },
      '... on PlanIntervention { what responsiblePerson childId }',
    );
    expect(response.data?._entities).toEqual([null]);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(response)).not.toContain('Föräldraskapsstöd');
  });

  it("social PlanIntervention: the agency's record of it is withheld, whatever the representation claims", async () => {
    const response = await resolve(
      'social',
      {
        __typename: 'PlanIntervention',
        id: alvasIntervention,
        childId: demoChildren.alva.id,
        agencyRecordId: demoRecordIds.alvaParentingSupport,
      },
      '... on PlanIntervention { socialIntervention { kind provision decidedBy } }',
    );
    expect(response.data?._entities).toEqual([{ socialIntervention: null }]);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'NO_RELATION' });
  });

  it('the same guardian resolves their own child on the SIP core', async () => {
    const response = await resolve(
      'sip',
      { __typename: 'Child', id: demoChildren.leo.id },
      '... on Child { givenName familyName }',
    );
    expect(response.data?._entities).toEqual([{ givenName: 'Leo', familyName: 'Haddad' }]);
  });
});
