import DataLoader from 'dataloader';
import type {
  Absence as AbsenceRow,
  ActionProgramme,
  ExtraAdaptation,
  Prisma,
  PrismaClient,
  StudentHealthContact,
} from '../../prisma/school/client/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { oneByKey } from '../../lib/loaders.ts';
import { timelineOf } from '../../lib/pagination/timeline.ts';
import { inForceOn } from '../../lib/periods.ts';
import { termByCode } from './attendance/terms.ts';

export function createSchoolLoaders(prisma: PrismaClient, clock: Clock) {
  return {
    /** The placement in force today; with overlaps (a move mid-term), the most recent start. */
    currentPlacementByChildId: oneByKey(
      (childIds: readonly string[]) => {
        const today = clock();
        return prisma.schoolPlacement.findMany({
          where: { childId: { in: [...childIds] }, ...inForceOn(today) },
          orderBy: { startDate: 'asc' },
        });
      },
      (placement) => placement.childId,
    ),
    absences: timelineOf<AbsenceRow>(prisma, (args) => prisma.absence.findMany(args as Prisma.AbsenceFindManyArgs), {
      table: 'Absence',
      at: 'date',
    }),
    /** A term's absences per child, keyed `<term code>#<child id>`: one query per term asked about. */
    termAbsences: new DataLoader(async (keys: readonly string[]) => {
      const childIdsByTerm = new Map<string, string[]>();
      for (const key of keys) {
        const [code, childId] = key.split('#');
        childIdsByTerm.set(code, [...(childIdsByTerm.get(code) ?? []), childId]);
      }
      const byKey = new Map<string, AbsenceRow[]>(keys.map((key) => [key, []]));
      await Promise.all(
        [...childIdsByTerm].map(async ([code, childIds]) => {
          const term = termByCode(code)!;
          const rows = await prisma.absence.findMany({
            where: { childId: { in: childIds }, date: { gte: term.start, lte: term.end } },
            orderBy: [{ date: 'asc' }, { id: 'asc' }],
          });
          for (const row of rows) byKey.get(`${code}#${row.childId}`)?.push(row);
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
