import type { ChildIdentities } from '../../../lib/subgraph/child-identities.ts';
import type { PersonExpanded } from './resources.ts';
import type { Ss12000Client } from './ss12000-client.ts';
import { mentorGroupIds, toPlacementRow, type PlacementRow } from './student-records.ts';

export interface Student {
  childId: string;
  person: PersonExpanded;
  /** Their enrolment today, or null. */
  placement: PlacementRow | null;
}

/**
 * The students among `children` (by child id, or by the SIS person when the list came from the
 * SIS), each with their enrolment today: the persons in one lookup with their groups, then their
 * school units, mentor groups, mentors' duties and mentors, one lookup each, whatever their number.
 */
export async function studentsWithPlacements(
  client: Ss12000Client,
  persons: Array<{ childId: string; person: PersonExpanded }>,
  today: Date,
): Promise<Student[]> {
  const people = persons.map(({ person }) => person);
  const unitIds = people.flatMap((person) => (person.enrolments ?? []).map((enrolment) => enrolment.enroledAt.id));
  const [organisations, groups] = await Promise.all([
    client.organisations(unitIds),
    client.groups(mentorGroupIds(people, today)),
  ]);
  const dutyIds = [...groups.values()].flatMap(
    (group) => group._embedded?.assignmentRoles?.map((role) => role.duty.id) ?? [],
  );
  const duties = await client.duties(dutyIds);
  const staffIds = [...duties.values()].flatMap((duty) => (duty.person ? [duty.person.id] : []));
  const staff = await client.personsById(staffIds);
  return persons.map(({ childId, person }) => ({
    childId,
    person,
    placement: toPlacementRow(childId, person, { organisations, groups, duties, staff }, today),
  }));
}

/** The SIS persons of the graph's children, with their groups: the identity bridge, then one lookup. */
export async function personsOfChildren(
  services: { source: Ss12000Client; childIdentities: ChildIdentities },
  childIds: readonly string[],
): Promise<Array<{ childId: string; person: PersonExpanded }>> {
  const personnummer = await services.childIdentities.personnummerOf(childIds);
  const persons = await services.source.personsByCivicNumber([...personnummer.values()], 'groupMemberships');
  return [...personnummer].flatMap(([childId, number]) => {
    const person = persons.get(number);
    return person ? [{ childId, person }] : [];
  });
}

/** The graph's children among SIS persons (by their civic numbers); persons the SIP core does not know are left out. */
export async function childrenOfPersons(
  childIdentities: ChildIdentities,
  persons: PersonExpanded[],
): Promise<Array<{ childId: string; person: PersonExpanded }>> {
  const childIds = await childIdentities.childIdsOf(persons.flatMap((person) => person.civicNo?.value ?? []));
  return persons.flatMap((person) => {
    const childId = childIds.get(person.civicNo?.value ?? '');
    return childId ? [{ childId, person }] : [];
  });
}
