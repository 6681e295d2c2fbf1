import type { Person, Placement } from '../../../subgraphs/school/ss12000/resources.ts';
import { contains, equals, metaFilters, periodFilters, uuid } from '../query-filters.ts';
import type { ResourceEndpoints } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';

/**
 * `/placements`: children's placements in förskola and fritidshem. The lookup takes `personIds`
 * besides `ids`, finding the placements of those children.
 */
export function placementEndpoints(store: Ss12000Store): ResourceEndpoints<Placement> {
  const person = (id: string): Person[] => {
    const found = store.persons.get(id);
    return found ? [found] : [];
  };
  return {
    path: 'placements',
    table: store.placements,
    filters: {
      organisation: equals(uuid, (placement) => placement.placedAt.id),
      group: equals(uuid, (placement) => placement.group?.id),
      child: equals(uuid, (placement) => placement.child.id),
      owner: contains(uuid, (placement) => placement.owners?.map((owner) => owner.id)),
      ...periodFilters<Placement>(),
      ...metaFilters<Placement>(),
    },
    expansions: {
      child: (placement) => person(placement.child.id)[0],
      owners: (placement) => (placement.owners ?? []).flatMap((owner) => person(owner.id)),
    },
    lookupBy: {
      personIds: {
        kind: uuid,
        find: (personId) => store.placements.all().filter((placement) => placement.child.id === personId),
      },
    },
  };
}
