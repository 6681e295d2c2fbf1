import DataLoader from 'dataloader';
import type {
  ActionProgramme,
  ExtraAdaptation,
  Prisma,
  PrismaClient,
  StudentHealthContact,
} from '../../prisma/school/client/client.ts';
import { sourceTimeline } from '../../lib/pagination/source-timeline.ts';
import { timelineOf } from '../../lib/pagination/timeline.ts';
import { swedishToday, toLocalDate } from '../../lib/periods.ts';
import type { SubgraphServices } from '../../lib/subgraph/subgraph-definition.ts';
import type { AbsenceMinutes } from './attendance/term-attendance.ts';
import { termByCode } from './attendance/terms.ts';
import type { Ss12000Client } from './ss12000/ss12000-client.ts';
import { fromAbsence } from './ss12000/student-records.ts';
import { personsOfChildren, studentsWithPlacements, type Student } from './ss12000/students.ts';

export type SchoolServices = SubgraphServices<PrismaClient, Ss12000Client>;

const endOfDay = (date: Date) => new Date(date.getTime() + 86_400_000 - 1);
const isStudent = (value: Student | null | Error): value is Student => value !== null && !(value instanceof Error);

/**
 * Per request. Enrolments and absence come from the student information system over SS 12000, a
 * handful of calls per fetch whatever the number of children; extra adaptations, action programmes
 * and the student health team's contacts from the school's own records (SS 12000 has no resource
 * for them).
 */
export function createSchoolLoaders(services: SchoolServices) {
  const { prisma, clock, source } = services;
  /** Each child as a student of the SIS, with their enrolment today; null for a child it does not know. */
  const students = new DataLoader<string, Student | null>(async (childIds) => {
    const today = swedishToday(clock());
    const found = await studentsWithPlacements(source, await personsOfChildren(services, childIds), today);
    const byChild = new Map(found.map((student) => [student.childId, student]));
    return childIds.map((childId) => byChild.get(childId) ?? null);
  });
  /** Reported absence and granted leave of these children in [from, to]: one list per school unit they attend. */
  const absencesOf = async (childIds: readonly string[], from: Date, to: Date) => {
    const found = (await students.loadMany(childIds)).filter(isStudent);
    const childOf = new Map(found.map(({ person, childId }) => [person.id, childId]));
    const units = found.flatMap(({ person }) => (person.enrolments ?? []).map(({ enroledAt }) => enroledAt.id));
    const absences = await source.absencesAt(units, { from, to: endOfDay(to) });
    return absences.flatMap((absence) => {
      const childId = childOf.get(absence.student.id);
      return childId ? [{ ...fromAbsence(absence), childId }] : [];
    });
  };
  return {
    students,
    /** The enrolment in force today; with overlaps (a move mid-term), the most recent start. */
    currentPlacementByChildId: {
      load: async (childId: string) => (await students.load(childId))?.placement ?? null,
    },
    absences: sourceTimeline(async (childIds, request) => {
      const upTo = [request.to, request.after?.at].filter((date): date is Date => date != null);
      const to = upTo.length > 0 ? new Date(Math.min(...upTo.map(Number))) : swedishToday(clock());
      const rows = await absencesOf(childIds, request.from ?? new Date(0), to);
      return rows.map((row) => ({ ...row, at: row.date }));
    }),
    /**
     * A term's absence per child, keyed `<term code>#<child id>`: reported absence and granted leave,
     * and the invalid minutes the SIS sums, for all the children asked about in a term at once.
     */
    termAbsences: new DataLoader(async (keys: readonly string[]) => {
      const childIdsByTerm = new Map<string, string[]>();
      for (const key of keys) {
        const [code, childId] = key.split('#');
        childIdsByTerm.set(code!, [...(childIdsByTerm.get(code!) ?? []), childId!]);
      }
      const byKey = new Map<string, AbsenceMinutes[]>(keys.map((key) => [key, []]));
      await Promise.all(
        [...childIdsByTerm].map(async ([code, childIds]) => {
          const term = termByCode(code)!;
          const found = (await students.loadMany(childIds)).filter(isStudent);
          const [absences, attendance] = await Promise.all([
            absencesOf(childIds, term.start, term.end),
            source.aggregatedAttendanceOf(
              found.map(({ person }) => person.id),
              { from: toLocalDate(term.start), to: toLocalDate(term.end) },
            ),
          ]);
          for (const absence of absences) byKey.get(`${code}#${absence.childId}`)?.push(absence);
          for (const { person, childId } of found) {
            const minutes = (attendance.get(person.id) ?? []).reduce((sum, r) => sum + (r.invalidAbsenceSum ?? 0), 0);
            if (minutes > 0) byKey.get(`${code}#${childId}`)?.push({ minutes, reason: 'UNREPORTED' });
          }
        }),
      );
      return keys.map((key) => byKey.get(key) ?? []);
    }),
    extraAdaptations: timelineOf<ExtraAdaptation>(
      prisma,
      (args) => prisma.extraAdaptation.findMany(args as Prisma.ExtraAdaptationFindManyArgs),
      { table: 'ExtraAdaptation', at: 'startsOn', until: 'endsOn' },
    ),
    actionProgrammes: timelineOf<ActionProgramme>(
      prisma,
      (args) => prisma.actionProgramme.findMany(args as Prisma.ActionProgrammeFindManyArgs),
      { table: 'ActionProgramme', at: 'decidedOn', until: 'endedOn' },
    ),
    studentHealthContacts: timelineOf<StudentHealthContact>(
      prisma,
      (args) => prisma.studentHealthContact.findMany(args as Prisma.StudentHealthContactFindManyArgs),
      { table: 'StudentHealthContact', at: 'date' },
    ),
  };
}
