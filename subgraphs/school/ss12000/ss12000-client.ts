import pLimit from 'p-limit';
import { allPages } from './follow-pages.ts';
import type { GroupType } from './code-lists.ts';
import type {
  Absence,
  AggregatedAttendance,
  Duty,
  DutyExpanded,
  GroupExpanded,
  IsoDate,
  Organisation,
  PersonExpanded,
  PersonGroupMembership,
  Placement,
} from './resources.ts';
import { Ss12000Error } from './ss12000-error.ts';
import { createSs12000Transport, type Ss12000TransportOptions } from './ss12000-transport.ts';

export interface Ss12000ClientOptions extends Ss12000TransportOptions {
  /** Items to ask for per page (`limit`); the server may send fewer. Left out, the server chooses. */
  pageSize?: number;
  /** Requests in flight at once where the standard has no batch (absences: one student per call). Default 4. */
  concurrency?: number;
}

/**
 * What the school subgraph reads from a student information system over SS 12000. Every method
 * takes many keys and answers a map keyed by them, for DataLoaders: one lookup call (or one list,
 * followed through its pages) for all the keys wherever the standard allows it.
 * Failures are `Ss12000Error`s, the graph's `SourceSystemError` with the HTTP status and the
 * standard's error code.
 */
export interface Ss12000Client {
  /** Resolves when the server answers an authenticated request (`GET /organisations?limit=1`). */
  check(): Promise<void>;
  /**
   * `POST /persons/lookup` with `civicNos` (12 characters, no separator), in one call; with
   * `groupMemberships`, each person's groups come along (`expand=groupMemberships`).
   */
  personsByCivicNumber(
    civicNumbers: readonly string[],
    expand?: 'groupMemberships',
  ): Promise<Map<string, PersonExpanded>>;
  /** `POST /persons/lookup` with `ids`, in one call (`expand` as for `personsByCivicNumber`). */
  personsById(personIds: readonly string[], expand?: 'groupMemberships'): Promise<Map<string, PersonExpanded>>;
  /**
   * The groups each person belongs to (class, mentor group …), with the membership's dates:
   * `POST /persons/lookup?expand=groupMemberships`, one call. Every id asked about is a key.
   */
  groupMembershipsOf(personIds: readonly string[]): Promise<Map<string, PersonGroupMembership[]>>;
  /** Placements in förskola and fritidshem per child: `POST /placements/lookup` with `personIds`. */
  placementsOf(personIds: readonly string[]): Promise<Map<string, Placement[]>>;
  /**
   * Reported absence and granted leave overlapping the period, per student. The standard filters
   * absences by one student at a time, so this is one `GET /absences` (and its pages) per student.
   */
  absencesOf(personIds: readonly string[], period: { from: Date; to: Date }): Promise<Map<string, Absence[]>>;
  /**
   * Attendance summed per student and activity over `[from, to]`, with valid and invalid absence in
   * minutes: `GET /aggregatedAttendance` naming many students (50 per call, to keep URLs short).
   */
  aggregatedAttendanceOf(
    personIds: readonly string[],
    period: { from: IsoDate; to: IsoDate },
  ): Promise<Map<string, AggregatedAttendance[]>>;
  /** `POST /organisations/lookup` with `ids`. */
  organisations(ids: readonly string[]): Promise<Map<string, Organisation>>;
  /** `POST /organisations/lookup` with `schoolUnitCodes`: school units by Skolverket's code. */
  organisationsBySchoolUnitCode(schoolUnitCodes: readonly string[]): Promise<Map<string, Organisation>>;
  /** `POST /groups/lookup?expand=assignmentRoles`: groups with members and the duties assigned to them. */
  groups(ids: readonly string[]): Promise<Map<string, GroupExpanded>>;
  /** `GET /groups?organisation=…&groupType=…`, every page: e.g. a school unit's classes, with their members. */
  groupsAt(organisationIds: readonly string[], groupType: GroupType): Promise<GroupExpanded[]>;
  /**
   * Reported absence and granted leave at school units, overlapping the period: one `GET /absences`
   * (and its pages) per unit, for all its students, where `absencesOf` needs one per student.
   */
  absencesAt(organisationIds: readonly string[], period: { from: Date; to: Date }): Promise<Absence[]>;
  /** `POST /duties/lookup`: e.g. the mentors a group's `Mentor` assignment roles name. */
  duties(ids: readonly string[]): Promise<Map<string, Duty>>;
  /** `GET /duties?expand=person`, every page: the staff and where each works, for the staff directory. */
  allDuties(): Promise<DutyExpanded[]>;
}

/** Students named in one `GET /aggregatedAttendance`: 50 ids make a query string of about 2.3 kB. */
const STUDENTS_PER_ATTENDANCE_CALL = 50;

function byKey<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) map.set(value, item);
  }
  return map;
}

/** Every key asked about, each with its items (none for a key the source knows nothing of). */
function groupedBy<T>(keys: readonly string[], items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) map.get(key(item))?.push(item);
  return map;
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function createSs12000Client(options: Ss12000ClientOptions): Ss12000Client {
  const send = createSs12000Transport(options);
  const limit = pLimit(options.concurrency ?? 4);

  /**
   * One lookup for all `values`. The standard sets no largest lookup but lets a server answer 503
   * ("the answer is too large for the server"): then the values are halved and looked up in turn.
   */
  async function lookup<T>(
    path: string,
    property: string,
    values: readonly string[],
    query?: [string, string][],
  ): Promise<T[]> {
    const unique = [...new Set(values)];
    if (unique.length === 0) return [];
    let answer: unknown;
    try {
      answer = await send({ method: 'POST', path, query, body: { [property]: unique } });
    } catch (error) {
      if (!(error instanceof Ss12000Error && error.status === 503 && unique.length > 1)) throw error;
      const half = Math.ceil(unique.length / 2);
      return [
        ...(await lookup<T>(path, property, unique.slice(0, half), query)),
        ...(await lookup<T>(path, property, unique.slice(half), query)),
      ];
    }
    // The standard's lookups answer a plain array; a `{ data }` page is accepted too.
    const items = Array.isArray(answer) ? answer : (answer as { data?: unknown } | null)?.data;
    if (!Array.isArray(items)) throw new Ss12000Error('invalid_response', `POST ${path}`);
    return items as T[];
  }

  const unique = (values: readonly string[]) => [...new Set(values)];

  return {
    async check() {
      const page = await send({ method: 'GET', path: '/organisations', query: [['limit', '1']] });
      if (!Array.isArray((page as { data?: unknown } | null)?.data))
        throw new Ss12000Error('invalid_response', 'GET /organisations');
    },
    async personsByCivicNumber(civicNumbers, expand) {
      const query: [string, string][] | undefined = expand && [['expand', expand]];
      const persons = await lookup<PersonExpanded>('/persons/lookup', 'civicNos', civicNumbers, query);
      return byKey(persons, (person) => person.civicNo?.value);
    },
    async personsById(personIds, expand) {
      const query: [string, string][] | undefined = expand && [['expand', expand]];
      return byKey(await lookup<PersonExpanded>('/persons/lookup', 'ids', personIds, query), (person) => person.id);
    },
    async groupMembershipsOf(personIds) {
      const persons = await lookup<PersonExpanded>('/persons/lookup', 'ids', personIds, [
        ['expand', 'groupMemberships'],
      ]);
      const found = byKey(persons, (person) => person.id);
      return new Map(unique(personIds).map((id) => [id, found.get(id)?._embedded?.groupMemberships ?? []]));
    },
    async placementsOf(personIds) {
      const placements = await lookup<Placement>('/placements/lookup', 'personIds', personIds);
      return groupedBy(unique(personIds), placements, (placement) => placement.child.id);
    },
    async absencesOf(personIds, { from, to }) {
      const ids = unique(personIds);
      // Overlapping the period: ends on or after its start and starts on or before its end.
      const perStudent = await Promise.all(
        ids.map((id) =>
          limit(() =>
            allPages<Absence>(
              send,
              '/absences',
              [
                ['student', id],
                ['endTime.onOrAfter', from.toISOString()],
                ['startTime.onOrBefore', to.toISOString()],
              ],
              options.pageSize,
            ),
          ),
        ),
      );
      return groupedBy(ids, perStudent.flat(), (absence) => absence.student.id);
    },
    async aggregatedAttendanceOf(personIds, { from, to }) {
      const ids = unique(personIds);
      const perChunk = await Promise.all(
        chunks(ids, STUDENTS_PER_ATTENDANCE_CALL).map((students) =>
          limit(() =>
            allPages<AggregatedAttendance>(
              send,
              '/aggregatedAttendance',
              [['startDate', from], ['endDate', to], ...students.map((id): [string, string] => ['student', id])],
              options.pageSize,
            ),
          ),
        ),
      );
      return groupedBy(ids, perChunk.flat(), (record) => record.student.id);
    },
    async organisations(ids) {
      return byKey(await lookup<Organisation>('/organisations/lookup', 'ids', ids), (o) => o.id);
    },
    async organisationsBySchoolUnitCode(schoolUnitCodes) {
      const found = await lookup<Organisation>('/organisations/lookup', 'schoolUnitCodes', schoolUnitCodes);
      return byKey(found, (organisation) => organisation.schoolUnitCode);
    },
    async groups(ids) {
      const found = await lookup<GroupExpanded>('/groups/lookup', 'ids', ids, [['expand', 'assignmentRoles']]);
      return byKey(found, (group) => group.id);
    },
    async groupsAt(organisationIds, groupType) {
      const perUnit = await Promise.all(
        unique(organisationIds).map((id) =>
          limit(() =>
            allPages<GroupExpanded>(
              send,
              '/groups',
              [
                ['organisation', id],
                ['groupType', groupType],
              ],
              options.pageSize,
            ),
          ),
        ),
      );
      return perUnit.flat();
    },
    async absencesAt(organisationIds, { from, to }) {
      const perUnit = await Promise.all(
        unique(organisationIds).map((id) =>
          limit(() =>
            allPages<Absence>(
              send,
              '/absences',
              [
                ['organisation', id],
                ['endTime.onOrAfter', from.toISOString()],
                ['startTime.onOrBefore', to.toISOString()],
              ],
              options.pageSize,
            ),
          ),
        ),
      );
      return perUnit.flat();
    },
    async duties(ids) {
      return byKey(await lookup<Duty>('/duties/lookup', 'ids', ids), (duty) => duty.id);
    },
    allDuties() {
      return allPages<DutyExpanded>(send, '/duties', [['expand', 'person']], options.pageSize);
    },
  };
}
