import { GROUP_TYPES, SCHOOL_TYPES } from '../../../subgraphs/school/ss12000/code-lists.ts';
import type { Group, GroupAssignmentRole, GroupFragment } from '../../../subgraphs/school/ss12000/resources.ts';
import { equalsAnyOf, metaFilters, oneOf, periodFilters, uuid } from '../query-filters.ts';
import type { ResourceEndpoints } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';

/** A group without its members, as a person's `groupMemberships` embeds it. */
export function groupFragment({ groupMemberships: _members, ...fragment }: Group): GroupFragment {
  return fragment;
}

/** `/groups`, with `expand=assignmentRoles`: the duties assigned to the group (its mentors …). */
export function groupEndpoints(store: Ss12000Store): ResourceEndpoints<Group> {
  const assignmentRoles = (group: Group): GroupAssignmentRole[] =>
    store.duties.all().flatMap((duty) =>
      (duty.assignmentRole ?? [])
        .filter((role) => role.group.id === group.id)
        .map(({ assignmentRoleType, startDate, endDate }) => ({
          duty: { id: duty.id },
          assignmentRoleType,
          startDate,
          ...(endDate && { endDate }),
        })),
    );
  return {
    path: 'groups',
    table: store.groups,
    filters: {
      groupType: equalsAnyOf(oneOf(GROUP_TYPES), (group) => group.groupType),
      schoolTypes: equalsAnyOf(oneOf(SCHOOL_TYPES), (group) => group.schoolType),
      organisation: equalsAnyOf(uuid, (group) => group.organisation.id),
      ...periodFilters<Group>(),
      ...metaFilters<Group>(),
    },
    expansions: { assignmentRoles },
  };
}
