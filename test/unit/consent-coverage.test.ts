import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkConsentCoverage } from '../../tools/check-consent-coverage.ts';
import { composeSupergraph, CompositionError } from '../../tools/compose-supergraph.ts';
import { allSubgraphs } from '../../subgraphs/index.ts';
import { healthSubgraph } from '../../subgraphs/health/subgraph.ts';
import { Child } from '../../subgraphs/health/child.type.ts';
import { Field, FieldResolver, ObjectType, Resolver } from 'type-graphql';
import type { AnySubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';

const healthChild = (fields: string) =>
  parse(`type Child @key(fields: "id") { id: ID! ${fields} } type Query { x: Int }`);

describe('composition refuses cross-agency fields without a consent policy', () => {
  it.each([
    [
      'no directive',
      'diagnoses: [String!]!',
      "health: Child.diagnoses is contributed to sip's Child without @consent(scope: …) or @consentExempt(reason: …)",
    ],
    [
      'an unknown scope',
      'diagnoses: [String!]! @consent(scope: "HEALTH_EVERYTHING")',
      'health: Child.diagnoses names an unknown consent scope "HEALTH_EVERYTHING" (see policy/scopes.ts)',
    ],
    [
      "another agency's scope",
      'diagnoses: [String!]! @consent(scope: "SCHOOL_ATTENDANCE")',
      'health: Child.diagnoses uses scope SCHOOL_ATTENDANCE, which belongs to SCHOOL, not HEALTH_CARE',
    ],
    [
      'a non-null field that could not be withheld',
      'diagnosis: String! @consent(scope: "HEALTH_DIAGNOSES")',
      'health: Child.diagnosis is non-null; a field under @consent must be nullable or a list, so it can be withheld',
    ],
    [
      'an exemption without a reason',
      'unitCount: Int @consentExempt(reason: " ")',
      'health: Child.unitCount has @consentExempt without a reason',
    ],
  ])('names the field for %s', (_, field, problem) => {
    expect(checkConsentCoverage('health', healthChild(field))).toEqual([problem]);
  });

  it('accepts a scoped field and a reasoned exemption', () => {
    const document = healthChild(
      'diagnoses: [String!]! @consent(scope: "HEALTH_DIAGNOSES") hasCareContact: Boolean @consentExempt(reason: ' +
        '"Agreed with the DPO: no health information")',
    );
    expect(checkConsentCoverage('health', document)).toEqual([]);
  });

  it('fails `npm run compose` for a real subgraph that adds an unguarded field', async () => {
    @ObjectType()
    class BloodGroup {
      @Field(() => String)
      group!: string;
    }
    @Resolver(() => Child)
    class UnguardedResolver {
      @FieldResolver(() => BloodGroup, { nullable: true })
      bloodGroup(): BloodGroup | null {
        return null;
      }
    }
    const careless = {
      ...healthSubgraph,
      schema: { ...healthSubgraph.schema, resolvers: [...healthSubgraph.schema.resolvers, UnguardedResolver] },
    } as unknown as AnySubgraphDefinition;
    const subgraphs = allSubgraphs.map((subgraph) => (subgraph.name === 'health' ? careless : subgraph));
    const failure = await composeSupergraph(subgraphs).catch((error) => error);
    expect(failure).toBeInstanceOf(CompositionError);
    expect(failure.problems).toEqual([
      "health: Child.bloodGroup is contributed to sip's Child without @consent(scope: …) or @consentExempt(reason: …)",
    ]);
  });
});
