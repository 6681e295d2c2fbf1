import type {
  Absence,
  AggregatedAttendance,
  Duty,
  Group,
  Meta,
  Organisation,
  Person,
  Placement,
} from '../../subgraphs/school/ss12000/resources.ts';

/**
 * What the stand-in serves: the standard's resources as a student information system would hold
 * them. Ids are UUIDs in lower case (as `randomUUID()` makes them); `meta` may be left out, the
 * store stamps it.
 */
export interface Ss12000Data {
  organisations?: Organisation[];
  persons?: Person[];
  placements?: Placement[];
  groups?: Group[];
  duties?: Duty[];
  absences?: Absence[];
  /**
   * Attendance per student and activity over a short period, typically one school day.
   * `GET /aggregatedAttendance` sums the records that lie inside the period it is asked about.
   */
  attendance?: AggregatedAttendance[];
}

/** A resource type's records, in id order (the order lists and their pages follow). */
export interface ResourceTable<T> {
  get(id: string): T | undefined;
  all(): T[];
}

export interface Ss12000Store {
  readonly organisations: ResourceTable<Organisation>;
  readonly persons: ResourceTable<Person>;
  readonly placements: ResourceTable<Placement>;
  readonly groups: ResourceTable<Group>;
  readonly duties: ResourceTable<Duty>;
  readonly absences: ResourceTable<Absence>;
  attendance(): AggregatedAttendance[];
  /** Adds or, for an id it holds, replaces (keeping `meta.created`): data at run time, for tests. */
  addOrganisation(organisation: Organisation): void;
  addPerson(person: Person): void;
  addPlacement(placement: Placement): void;
  addGroup(group: Group): void;
  addDuty(duty: Duty): void;
  addAbsence(absence: Absence): void;
  addAttendance(record: AggregatedAttendance): void;
  add(data: Ss12000Data): void;
  /** Forgets everything: a test file starts from an empty system. */
  clear(): void;
}

interface Table<T> extends ResourceTable<T> {
  put(item: T): void;
  clear(): void;
}

function table<T extends { id: string; meta?: Meta }>(clock: () => Date): Table<T> {
  const items = new Map<string, T>();
  let sorted: T[] | undefined;
  return {
    get: (id) => items.get(id),
    all: () => (sorted ??= [...items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
    put(item) {
      const now = clock().toISOString();
      const created = items.get(item.id)?.meta?.created;
      items.set(item.id, {
        ...item,
        meta: { created: item.meta?.created ?? created ?? now, modified: item.meta?.modified ?? now },
      });
      sorted = undefined;
    },
    clear() {
      items.clear();
      sorted = undefined;
    },
  };
}

export function createSs12000Store(data: Ss12000Data = {}, clock: () => Date = () => new Date()): Ss12000Store {
  const organisations = table<Organisation>(clock);
  const persons = table<Person>(clock);
  const placements = table<Placement>(clock);
  const groups = table<Group>(clock);
  const duties = table<Duty>(clock);
  const absences = table<Absence>(clock);
  const attendance: AggregatedAttendance[] = [];
  const store: Ss12000Store = {
    organisations,
    persons,
    placements,
    groups,
    duties,
    absences,
    attendance: () => attendance,
    addOrganisation: (organisation) => organisations.put(organisation),
    addPerson: (person) => persons.put(person),
    addPlacement: (placement) => placements.put(placement),
    addGroup: (group) => groups.put(group),
    addDuty: (duty) => duties.put(duty),
    addAbsence: (absence) => absences.put(absence),
    addAttendance: (record) => void attendance.push(record),
    add(more) {
      more.organisations?.forEach(store.addOrganisation);
      more.persons?.forEach(store.addPerson);
      more.placements?.forEach(store.addPlacement);
      more.groups?.forEach(store.addGroup);
      more.duties?.forEach(store.addDuty);
      more.absences?.forEach(store.addAbsence);
      more.attendance?.forEach(store.addAttendance);
    },
    clear() {
      for (const records of [organisations, persons, placements, groups, duties, absences]) records.clear();
      attendance.splice(0);
    },
  };
  store.add(data);
  return store;
}
