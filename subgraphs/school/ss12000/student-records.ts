import { calendarDayOf, toLocalDate } from '../../../lib/periods.ts';
import { uuidFrom } from '../../../lib/uuid.ts';
import type {
  Absence,
  AggregatedAttendance,
  Duty,
  Group,
  GroupExpanded,
  Organisation,
  Person,
  PersonExpanded,
} from './resources.ts';

/**
 * How the graph's school records are held in SS 12000, both ways: the adapter reads them so, and
 * the demo and the tests write them so into the stand-in.
 *
 * - enrolment → the student's `Person.enrolments` (school unit, årskurs, dates); the school unit an
 *   `Organisation` of type Skolenhet with its `schoolUnitCode`; the class a `Klass` group the student
 *   is a member of; the mentor the person whose duty has the `Mentor` assignment role in the
 *   student's `Mentor` group
 * - reported absence and granted leave → `Absence` (`Anmäld frånvaro`, `Beviljad ledighet`)
 * - unreported (invalid, ogiltig) absence → `AggregatedAttendance.invalidAbsenceSum`, the only place
 *   the standard counts it
 */
export type AbsenceReasonCode = 'REPORTED' | 'LEAVE_GRANTED' | 'UNREPORTED';

export interface EnrolmentRecord {
  schoolName: string;
  schoolUnitCode: string;
  className: string;
  grade: number;
  mentor: string | null;
  startDate: Date;
  endDate?: Date | null;
}

export interface AbsenceRecord {
  date: Date;
  minutes: number;
  reason: AbsenceReasonCode;
}

export interface StudentRecord {
  childId: string;
  personnummer: string;
  givenName?: string;
  familyName?: string;
  enrolments: EnrolmentRecord[];
  absences?: AbsenceRecord[];
}

/** An SS 12000 id (a lower-case UUID) for what the graph names by `key`: every writer names the same one. */
export const ss12000Id = (kind: string, key: string) => uuidFrom(`${kind}|${key}`);

/** True when a period (an enrolment, a membership) holds on `on`; open ends hold. */
export const inForce = (period: { startDate?: string; endDate?: string }, on: Date) =>
  (calendarDayOf(period.startDate) ?? on) <= on && (calendarDayOf(period.endDate) ?? on) >= on;

/** What a student information system holds, by SS 12000 resource. */
export interface Ss12000Records {
  organisations: Organisation[];
  persons: Person[];
  groups: Group[];
  duties: Duty[];
  absences: Absence[];
  attendance: AggregatedAttendance[];
}

/** The student information system's records of these students, as SS 12000 serves them. */
export function toSs12000Data(students: StudentRecord[]): Ss12000Records {
  const organisations = new Map<string, Organisation>();
  const groups = new Map<string, Group>();
  const mentors = new Map<string, { person: Person; duty: Duty }>();
  const persons: Person[] = [];
  const absences: Absence[] = [];
  const attendance: AggregatedAttendance[] = [];
  const member = (groupId: string, init: () => Group, personId: string, enrolment: EnrolmentRecord) => {
    const group = groups.get(groupId) ?? init();
    groups.set(groupId, group);
    group.groupMemberships!.push({
      person: { id: personId },
      startDate: toLocalDate(enrolment.startDate),
      ...(enrolment.endDate && { endDate: toLocalDate(enrolment.endDate) }),
    });
  };
  for (const student of students) {
    const personId = ss12000Id('person', student.personnummer);
    for (const enrolment of student.enrolments) {
      const unitId = ss12000Id('school unit', enrolment.schoolUnitCode);
      organisations.set(unitId, {
        id: unitId,
        displayName: enrolment.schoolName,
        organisationType: 'Skolenhet',
        schoolUnitCode: enrolment.schoolUnitCode,
        schoolTypes: ['GR'],
      });
      const group = (id: string, groupType: 'Klass' | 'Mentor', name: string) => (): Group => ({
        id,
        displayName: name,
        groupType,
        schoolType: 'GR',
        organisation: { id: unitId },
        startDate: '2000-01-01',
        groupMemberships: [],
      });
      const classId = ss12000Id('Klass', `${enrolment.schoolUnitCode}|${enrolment.className}`);
      member(classId, group(classId, 'Klass', enrolment.className), personId, enrolment);
      if (enrolment.mentor) {
        const mentorGroupId = ss12000Id('Mentor', `${enrolment.schoolUnitCode}|${enrolment.mentor}`);
        member(mentorGroupId, group(mentorGroupId, 'Mentor', `Mentorsgrupp ${enrolment.mentor}`), personId, enrolment);
        const key = `${enrolment.schoolUnitCode}|${enrolment.mentor}`;
        const [givenName = '', ...family] = enrolment.mentor.split(' ');
        const mentorPerson = { id: ss12000Id('staff', enrolment.mentor), givenName, familyName: family.join(' ') };
        mentors.set(key, {
          person: mentorPerson,
          duty: {
            id: ss12000Id('duty', key),
            person: { id: mentorPerson.id },
            dutyAt: { id: unitId },
            dutyRole: 'Lärare',
            startDate: '2000-01-01',
            assignmentRole: [{ group: { id: mentorGroupId }, assignmentRoleType: 'Mentor', startDate: '2000-01-01' }],
          },
        });
      }
    }
    persons.push({
      id: personId,
      givenName: student.givenName ?? '',
      familyName: student.familyName ?? '',
      civicNo: { value: student.personnummer, nationality: 'SE' },
      enrolments: student.enrolments.map((enrolment) => ({
        enroledAt: { id: ss12000Id('school unit', enrolment.schoolUnitCode) },
        schoolYear: enrolment.grade,
        schoolType: 'GR',
        startDate: toLocalDate(enrolment.startDate),
        ...(enrolment.endDate && { endDate: toLocalDate(enrolment.endDate) }),
      })),
    });
    for (const [i, absence] of (student.absences ?? []).entries()) {
      const enrolment = student.enrolments.find(
        (e) => e.startDate <= absence.date && (e.endDate ?? absence.date) >= absence.date,
      );
      const unit = enrolment && { id: ss12000Id('school unit', enrolment.schoolUnitCode) };
      if (absence.reason === 'UNREPORTED') {
        attendance.push({
          activity: { id: ss12000Id('activity', `${enrolment?.schoolUnitCode}|${enrolment?.className}`) },
          student: { id: personId },
          startDate: toLocalDate(absence.date),
          endDate: toLocalDate(absence.date),
          attendanceSum: 0,
          validAbsenceSum: 0,
          invalidAbsenceSum: absence.minutes,
        });
        continue;
      }
      // The school day starts at 08:00 (UTC here, a calendar date either way).
      const start = new Date(absence.date.getTime() + 8 * 3_600_000);
      absences.push({
        id: ss12000Id('absence', `${student.personnummer}|${toLocalDate(absence.date)}|${i}`),
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + absence.minutes * 60_000).toISOString(),
        type: absence.reason === 'LEAVE_GRANTED' ? 'Beviljad ledighet' : 'Anmäld frånvaro',
        student: { id: personId },
        ...(unit && { organisation: unit }),
      });
    }
  }
  return {
    organisations: [...organisations.values()],
    persons: [...persons, ...[...mentors.values()].map(({ person }) => person)],
    groups: [...groups.values()],
    duties: [...mentors.values()].map(({ duty }) => duty),
    absences,
    attendance,
  };
}

/** A student's enrolment as the graph shows it, read back from SS 12000 (see the module's comment). */
export interface PlacementRow extends EnrolmentRecord {
  id: string;
  childId: string;
  endDate: Date | null;
}

/** What reading a student's enrolment needs besides the student: their school units, groups and mentors. */
export interface EnrolmentContext {
  organisations: Map<string, Organisation>;
  /** The mentor groups, with the duties assigned to them. */
  groups: Map<string, GroupExpanded>;
  duties: Map<string, Duty>;
  /** The mentors, by person id. */
  staff: Map<string, PersonExpanded>;
}

/** The student's enrolment in force on `today` (the latest start, when two overlap), or null. */
export function currentEnrolment(student: PersonExpanded, today: Date) {
  return (
    (student.enrolments ?? [])
      .filter((enrolment) => !enrolment.cancelled && inForce(enrolment, today))
      .sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null
  );
}

const membershipsOfType = (student: PersonExpanded, groupType: string, organisationId: string, today: Date) =>
  (student._embedded?.groupMemberships ?? []).filter(
    ({ group, ...period }) =>
      group.groupType === groupType && group.organisation.id === organisationId && inForce(period, today),
  );

/** The ids of the mentor groups the student is a member of on `today`, whose mentors are looked up. */
export function mentorGroupIds(students: PersonExpanded[], today: Date): string[] {
  return students.flatMap((student) => {
    const enrolment = currentEnrolment(student, today);
    return enrolment
      ? membershipsOfType(student, 'Mentor', enrolment.enroledAt.id, today).map(({ group }) => group.id)
      : [];
  });
}

/** The student's enrolment today, in the graph's terms; null when they are enrolled nowhere today. */
export function toPlacementRow(
  childId: string,
  student: PersonExpanded,
  context: EnrolmentContext,
  today: Date,
): PlacementRow | null {
  const enrolment = currentEnrolment(student, today);
  const unit = enrolment && context.organisations.get(enrolment.enroledAt.id);
  if (!enrolment || !unit) return null;
  const className = membershipsOfType(student, 'Klass', unit.id, today)[0]?.group.displayName ?? '';
  const mentorGroup = membershipsOfType(student, 'Mentor', unit.id, today)[0];
  const dutyId = mentorGroup
    ? context.groups
        .get(mentorGroup.group.id)
        ?._embedded?.assignmentRoles?.find((role) => role.assignmentRoleType === 'Mentor' && inForce(role, today))?.duty
        .id
    : undefined;
  const mentorId = dutyId ? context.duties.get(dutyId)?.person?.id : undefined;
  const mentor = mentorId ? context.staff.get(mentorId) : undefined;
  return {
    // The enrolment's own identity: the student at the unit from the day it began.
    id: ss12000Id('enrolment', `${student.id}|${unit.id}|${enrolment.startDate}`),
    childId,
    schoolName: unit.displayName,
    schoolUnitCode: unit.schoolUnitCode ?? '',
    className,
    grade: enrolment.schoolYear ?? 0,
    mentor: mentor ? `${mentor.givenName} ${mentor.familyName}`.trim() : null,
    startDate: calendarDayOf(enrolment.startDate)!,
    endDate: calendarDayOf(enrolment.endDate),
  };
}

/** A reported absence or granted leave as the graph shows it: its day, minutes and kind. */
export const fromAbsence = (absence: Absence) => ({
  id: absence.id,
  date: calendarDayOf(absence.startTime)!,
  minutes: Math.round((Date.parse(absence.endTime) - Date.parse(absence.startTime)) / 60_000),
  reason: (absence.type === 'Beviljad ledighet' ? 'LEAVE_GRANTED' : 'REPORTED') as AbsenceReasonCode,
});

/**
 * The context of a person's external identifier that holds their sign-in identity: the subject of
 * the tokens the municipality's identity provider issues them (SS 12000 leaves the context to the
 * municipality; this is the one the adapter reads).
 */
export const LOGIN_IDENTITY_CONTEXT = 'urn:sip-graph:login';

/** A member of a school's staff with a sign-in identity, for the student information system's duties. */
export interface StaffRecord {
  subject: string;
  givenName: string;
  familyName: string;
  dutyRole: Duty['dutyRole'];
  schoolUnitCode: string;
  email?: string;
  phone?: string;
}

/** The persons and duties of staff at school units already among `records`' organisations, added to them. */
export function withStaff(records: Ss12000Records, staff: StaffRecord[]): Ss12000Records {
  const persons = staff.map((member) => ({
    id: ss12000Id('staff', member.subject),
    givenName: member.givenName,
    familyName: member.familyName,
    externalIdentifiers: [{ value: member.subject, context: LOGIN_IDENTITY_CONTEXT, globallyUnique: false }],
    ...(member.email && { emails: [{ value: member.email, type: 'Skola personal' as const }] }),
    ...(member.phone && { phoneNumbers: [{ value: member.phone, type: 'Arbete' as const }] }),
  }));
  const duties = staff.map((member, i) => ({
    id: ss12000Id('duty', `${member.schoolUnitCode}|${member.subject}`),
    person: { id: persons[i].id },
    dutyAt: { id: ss12000Id('school unit', member.schoolUnitCode) },
    dutyRole: member.dutyRole,
    startDate: '2000-01-01',
  }));
  return { ...records, persons: [...records.persons, ...persons], duties: [...records.duties, ...duties] };
}
