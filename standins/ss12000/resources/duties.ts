import { DUTY_ROLES } from '../../../subgraphs/school/ss12000/code-lists.ts';
import type { Duty } from '../../../subgraphs/school/ss12000/resources.ts';
import { equals, metaFilters, oneOf, periodFilters, single, uuid, type Filter } from '../query-filters.ts';
import type { ResourceEndpoints } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';

/** `/duties`, with `expand=person`. */
export function dutyEndpoints(store: Ss12000Store): ResourceEndpoints<Duty> {
  // "Duties at an organisation element or an element below it": follow `parentOrganisation` upwards.
  const organisation: Filter<Duty> = (values, name) => {
    const wanted = uuid.parse(single(values, name), name);
    return (duty) => {
      const seen = new Set<string>();
      for (let id: string | undefined = duty.dutyAt.id; id && !seen.has(id);) {
        if (id === wanted) return true;
        seen.add(id);
        id = store.organisations.get(id)?.parentOrganisation?.id;
      }
      return false;
    };
  };
  return {
    path: 'duties',
    table: store.duties,
    filters: {
      organisation,
      dutyRole: equals(oneOf(DUTY_ROLES), (duty) => duty.dutyRole),
      person: equals(uuid, (duty) => duty.person?.id),
      ...periodFilters<Duty>(),
      ...metaFilters<Duty>(),
    },
    expansions: { person: (duty) => (duty.person ? store.persons.get(duty.person.id) : undefined) },
  };
}
