import { registerEnumType } from 'type-graphql';
import { AGENCIES, type Agency as AgencyName } from '../../policy/agencies.ts';
import { CONSENT_SCOPES, type ConsentScope as ConsentScopeName } from '../../policy/scopes.ts';
import { SHARED, type PlanCategory as PlanCategoryName } from '../../policy/plan-content.ts';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

/** The agencies, as a GraphQL enum, from the policy: the one source the Prisma enum is checked against. */
export const Agency = enumOf(AGENCIES);
export type Agency = AgencyName;
registerEnumType(Agency, {
  name: 'Agency',
  description: 'An agency that holds data about a child and may receive another agency’s data under consent.',
});

const scopeDescriptions = Object.fromEntries(
  Object.entries(CONSENT_SCOPES).map(([scope, { agency, descriptions }]) => [
    scope,
    { description: `${descriptions.en} (${agency})` },
  ]),
);

/** The scope catalogue as a GraphQL enum, so clients discover the categories and their meaning. */
export const ConsentScope = enumOf(Object.keys(CONSENT_SCOPES) as ConsentScopeName[]);
export type ConsentScope = ConsentScopeName;
registerEnumType(ConsentScope, {
  name: 'ConsentScope',
  description: 'An information category a consent covers and a guarded field belongs to.',
  valuesConfig: scopeDescriptions,
});

/** What an entry of a SIP's plan comes from: a scope, or SHARED (policy/plan-content.ts). */
export const PlanCategory = enumOf([SHARED, ...(Object.keys(CONSENT_SCOPES) as ConsentScopeName[])]);
export type PlanCategory = PlanCategoryName;
registerEnumType(PlanCategory, {
  name: 'PlanCategory',
  description:
    'The information category an entry of the plan comes from, and so the agency that holds it; the entry reaches ' +
    'another agency’s staff only under consent, like that agency’s fields. SHARED: what the family and everyone ' +
    'taking part agreed on together, seen by every participant.',
  valuesConfig: scopeDescriptions,
});
