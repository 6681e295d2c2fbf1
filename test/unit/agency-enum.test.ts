import { describe, expect, it } from 'vitest';
import { Agency as PrismaAgency } from '../../prisma/sip/client/enums.ts';
import { Agency as GraphQLAgency, ConsentScope } from '../../lib/federation/policy-enums.ts';
import { AGENCIES } from '../../policy/agencies.ts';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';

describe('the agencies and scopes of the policy', () => {
  it('are the values of the GraphQL enums', () => {
    expect(Object.values(GraphQLAgency)).toEqual([...AGENCIES]);
    expect(Object.values(ConsentScope)).toEqual(Object.keys(CONSENT_SCOPES));
  });

  it("are the SIP core database's Agency enum (prisma/sip/schema.prisma must follow the policy)", () => {
    expect(Object.values(PrismaAgency).sort()).toEqual([...AGENCIES].sort());
  });
});
