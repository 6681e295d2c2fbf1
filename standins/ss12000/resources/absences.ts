import { ABSENCE_TYPES } from '../../../subgraphs/school/ss12000/code-lists.ts';
import type { Absence } from '../../../subgraphs/school/ss12000/resources.ts';
import { bounds, dateTime, equals, metaFilters, oneOf, uuid } from '../query-filters.ts';
import type { ResourceEndpoints } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';

/**
 * `/absences`: reported absence and granted leave. `student` names one student: the standard has
 * no list filter for several, nor a lookup by person.
 */
export function absenceEndpoints(store: Ss12000Store): ResourceEndpoints<Absence> {
  return {
    path: 'absences',
    table: store.absences,
    filters: {
      organisation: equals(uuid, (absence) => absence.organisation?.id),
      student: equals(uuid, (absence) => absence.student.id),
      registeredBy: equals(uuid, (absence) => absence.registeredBy?.id),
      type: equals(oneOf(ABSENCE_TYPES), (absence) => absence.type),
      ...bounds<Absence>('startTime', dateTime, (absence) => absence.startTime, { unsetMatches: false }),
      ...bounds<Absence>('endTime', dateTime, (absence) => absence.endTime, { unsetMatches: false }),
      ...metaFilters<Absence>(),
    },
  };
}
