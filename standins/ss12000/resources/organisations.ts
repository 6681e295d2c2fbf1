import { ORGANISATION_TYPES, SCHOOL_TYPES } from '../../../subgraphs/school/ss12000/code-lists.ts';
import type { Organisation } from '../../../subgraphs/school/ss12000/resources.ts';
import { containsAnyOf, equals, equalsAnyOf, metaFilters, oneOf, periodFilters, text, uuid } from '../query-filters.ts';
import type { ResourceEndpoints } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';

/**
 * `/organisations`: huvudmän, schools and school units. The lookup takes `schoolUnitCodes` and
 * `organisationCodes` besides `ids`.
 */
export function organisationEndpoints(store: Ss12000Store): ResourceEndpoints<Organisation> {
  const withCode = (code: (organisation: Organisation) => string | undefined) => (value: string) =>
    store.organisations.all().filter((organisation) => code(organisation) === value);
  return {
    path: 'organisations',
    table: store.organisations,
    filters: {
      parent: equalsAnyOf(uuid, (organisation) => organisation.parentOrganisation?.id),
      schoolUnitCode: equalsAnyOf(text, (organisation) => organisation.schoolUnitCode),
      organisationCode: equalsAnyOf(text, (organisation) => organisation.organisationCode),
      municipalityCode: equals(text, (organisation) => organisation.municipalityCode),
      type: equalsAnyOf(oneOf(ORGANISATION_TYPES), (organisation) => organisation.organisationType),
      schoolTypes: containsAnyOf(oneOf(SCHOOL_TYPES), (organisation) => organisation.schoolTypes),
      ...periodFilters<Organisation>(),
      ...metaFilters<Organisation>(),
    },
    lookupBy: {
      schoolUnitCodes: { kind: text, find: withCode((organisation) => organisation.schoolUnitCode) },
      organisationCodes: { kind: text, find: withCode((organisation) => organisation.organisationCode) },
    },
  };
}
