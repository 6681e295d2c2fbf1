import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../subgraphs/sip/personnummer.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const CHILDREN_WITH_ALL_AGENCY_FIELDS = `query ($first: Int!) {
  children(first: $first) {
    id givenName
    guardians { hasCustody guardian { givenName } }
    schoolPlacement { schoolName }
    openSocialCase { caseNumber }
    careContacts { unitName }
  }
}`;

describe('entity resolution through DataLoader', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    // 8 demo children plus 32 more, so a per-child query would show up as dozens of statements.
    for (let i = 0; i < 32; i++) {
      const date = `2012010${(i % 9) + 1}`;
      const serial = String(100 + i);
      const personnummer = `${date}-${serial}${luhnCheckDigit(date.slice(2) + serial)}`;
      const response = await graph.query(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { id } }`, {
        input: { personnummer, givenName: `Barn${i}`, familyName: 'Test', guardians: [{ personnummer: '19800512-9914', givenName: 'Maria', familyName: 'Lindqvist', hasCustody: true }] },
      });
      expect(response.errors).toBeUndefined();
    }
  });
  afterAll(() => graph?.stop());

  it('costs one query per subgraph for the agency fields, whatever the number of children', async () => {
    const counter = graph.countQueries();
    const few = await graph.query(CHILDREN_WITH_ALL_AGENCY_FIELDS, { first: 2 });
    const forFew = { ...counter.counts };
    counter.reset();
    const many = await graph.query(CHILDREN_WITH_ALL_AGENCY_FIELDS, { first: 40 });
    expect(few.data?.children).toHaveLength(2);
    expect(many.data?.children).toHaveLength(40);
    // SIP core: the page of children, then one batch of guardianships (Prisma loads the included guardians with a second statement).
    expect(counter.counts).toEqual({ sip: 3, school: 1, social: 1, health: 1 });
    expect(forFew).toEqual(counter.counts);
  });
});
