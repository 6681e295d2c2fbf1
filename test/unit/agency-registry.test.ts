import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Field, FieldResolver, ID, ObjectType, Resolver } from 'type-graphql';
import { AGENCIES, AGENCY_SUBGRAPHS, SUBGRAPH_AGENCY, SUBGRAPH_NAMES } from '../../policy/agencies.ts';
import { STAFF_ROLE_AGENCIES } from '../../policy/roles.ts';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';
import { buildFederatedSchema } from '../../lib/federation/build-federated-schema.ts';
import { SubgraphShapeError } from '../../lib/federation/subgraph-shape-error.ts';
import { startSubgraph } from '../../lib/subgraph/start-subgraph.ts';
import { silentLogger } from '../../lib/server/logger.ts';
import { allSubgraphs } from '../../subgraphs/index.ts';
import { healthSubgraph } from '../../subgraphs/health/subgraph.ts';

/**
 * A new agency is its folder under subgraphs/ and one entry in policy/agencies.ts: what cannot
 * derive from the entry is checked against it here, and says what is missing.
 */
describe('the registry of agencies', () => {
  it('names every subgraph the graph starts, the SIP core first', () => {
    expect(allSubgraphs.map((definition) => definition.name)).toEqual([...SUBGRAPH_NAMES]);
  });

  it.each(AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry] as const))(
    'gives %s consent scopes, staff roles, a port of its own and a unit-contact answer',
    (agency, entry) => {
      const scopes = Object.entries(CONSENT_SCOPES).filter(([, scope]) => scope.agency === agency);
      expect(scopes.length, `policy/scopes.ts has no scope of ${agency}`).toBeGreaterThan(0);
      const roles = Object.entries(STAFF_ROLE_AGENCIES).filter(([, agencies]) =>
        (agencies as readonly string[]).includes(agency),
      );
      expect(roles.length, `policy/roles.ts gives no staff role to ${agency}`).toBeGreaterThan(0);
      const ports = AGENCY_SUBGRAPHS.map((other) => other.defaultPort);
      expect(
        ports.filter((port) => port === entry.defaultPort),
        `${agency}'s port is taken`,
      ).toHaveLength(1);
      const definition = allSubgraphs.find((subgraph) => subgraph.name === entry.subgraph);
      expect(definition?.unitInContact, `subgraphs/${entry.subgraph} has no unitInContact`).toBeTypeOf('function');
      expect(SUBGRAPH_AGENCY[entry.subgraph]).toBe(agency);
    },
  );

  it('lists each agency once', () => {
    expect(new Set(AGENCIES).size).toBe(AGENCIES.length);
    expect(new Set(SUBGRAPH_NAMES).size).toBe(SUBGRAPH_NAMES.length);
  });
});

describe('a subgraph the graph cannot take', () => {
  it('without a root query is refused in one line that says what to do', async () => {
    // Fields on the child and no query of its own: what an agency developer writes first.
    @ObjectType()
    class Kid {
      @Field(() => ID)
      id!: string;
    }
    @Resolver(() => Kid)
    class KidResolver {
      @FieldResolver(() => String)
      habilitationPlan(): string {
        return '';
      }
    }
    const error = await buildFederatedSchema('habilitation', { resolvers: [KidResolver], orphanedTypes: [Kid] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SubgraphShapeError);
    expect((error as Error).message).toBe(
      'the habilitation subgraph has no root query: give one of its resolvers an @Query, for its own staff ' +
        '(e.g. health care’s careContactsAtUnit)',
    );
  });

  it('of an agency, without its unit-contact answer, is refused before it serves', async () => {
    const { unitInContact: _, ...withoutUnitContact } = healthSubgraph;
    const error = await startSubgraph(withoutUnitContact, {
      port: 0,
      source: { url: 'http://127.0.0.1:1/fhir/R4', token: 'unused', timeoutMs: 100 },
      identity: { issuer: 'test', audience: 'test', publicJwk: undefined } as never,
      logger: silentLogger(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SubgraphShapeError);
    expect((error as Error).message).toMatch(/^the health subgraph has no unitInContact: say what/);
  });
});
