import type { Person, PersonGroupMembership, Responsible } from '../../../subgraphs/school/ss12000/resources.ts';
import { badParameter } from '../errors.ts';
import { equals, metaFilters, text, type Filter } from '../query-filters.ts';
import type { ResourceEndpoints } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';
import { groupFragment } from './groups.ts';

/**
 * `nameContains`: every value must occur, case-insensitively, in one of the person's three names
 * ("Pa" and "gens" both match Palle Girgensohn).
 */
const nameContains: Filter<Person> = (values, name) => {
  if (values.some((value) => value === '')) throw badParameter(`${name} must not be empty`);
  const parts = values.map((value) => value.toLocaleLowerCase('sv'));
  return (person) => {
    const names = [person.givenName, person.middleName ?? '', person.familyName].map((n) => n.toLocaleLowerCase('sv'));
    return parts.every((part) => names.some((n) => n.includes(part)));
  };
};

/**
 * `/persons`. Of the list's filters the stand-in serves `civicNo`, `nameContains` and `meta.*`;
 * the `relationship.*` and `identifier.*` filters answer 400, as any parameter it does not know.
 */
export function personEndpoints(store: Ss12000Store): ResourceEndpoints<Person> {
  const responsibleFor = (person: Person): Responsible[] =>
    store.persons
      .all()
      .flatMap((child) =>
        (child.responsibles ?? [])
          .filter((responsible) => responsible.person?.id === person.id)
          .map(({ relationType }) => ({ person: { id: child.id }, ...(relationType && { relationType }) })),
      );
  const groupMemberships = (person: Person): PersonGroupMembership[] =>
    store.groups
      .all()
      .flatMap((group) =>
        (group.groupMemberships ?? [])
          .filter((membership) => membership.person.id === person.id)
          .map(({ startDate, endDate }) => ({ group: groupFragment(group), startDate, endDate })),
      );
  return {
    path: 'persons',
    table: store.persons,
    filters: {
      civicNo: equals(text, (person) => person.civicNo?.value),
      nameContains,
      ...metaFilters<Person>(),
    },
    expansions: {
      responsibleFor,
      placements: (person) => store.placements.all().filter((placement) => placement.child.id === person.id),
      ownedPlacements: (person) =>
        store.placements.all().filter((placement) => placement.owners?.some((owner) => owner.id === person.id)),
      duties: (person) => store.duties.all().filter((duty) => duty.person?.id === person.id),
      groupMemberships,
    },
    lookupBy: {
      civicNos: { kind: text, find: (civicNo) => store.persons.all().filter((p) => p.civicNo?.value === civicNo) },
    },
  };
}
