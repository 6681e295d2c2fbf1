import DataLoader from 'dataloader';
import type { Absence as AbsenceRow, Prisma, PrismaClient } from '../../prisma/school/client/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { oneByKey } from '../../lib/loaders.ts';
import { newestFirst, timelineLoader, timelineWhere } from '../../lib/pagination/timeline.ts';
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
    absences: timelineLoader(
      (childIds, request, take) =>
        prisma.absence.findMany({ where: { childId: { in: childIds }, ...(timelineWhere({ at: 'date' }, request) as Prisma.AbsenceWhereInput) }, orderBy: newestFirst('date'), take }),
      (row) => row.date,
    ),
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
          const rows = await prisma.absence.findMany({ where: { childId: { in: childIds }, date: { gte: term.start, lte: term.end } }, orderBy: [{ date: 'asc' }, { id: 'asc' }] });
          for (const row of rows) byKey.get(`${code}#${row.childId}`)?.push(row);
        }),
      );
      return keys.map((key) => byKey.get(key) ?? []);
    }),
    extraAdaptations: timelineLoader(
      (childIds, request, take) =>
        prisma.extraAdaptation.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'startsOn', until: 'endsOn' }, request) as Prisma.ExtraAdaptationWhereInput) },
          orderBy: newestFirst('startsOn'),
          take,
        }),
      (row) => row.startsOn,
    ),
    actionProgrammes: timelineLoader(
      (childIds, request, take) =>
        prisma.actionProgramme.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'decidedOn', until: 'endedOn' }, request) as Prisma.ActionProgrammeWhereInput) },
          orderBy: newestFirst('decidedOn'),
          take,
        }),
      (row) => row.decidedOn,
    ),
    studentHealthContacts: timelineLoader(
      (childIds, request, take) =>
        prisma.studentHealthContact.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'date' }, request) as Prisma.StudentHealthContactWhereInput) },
          orderBy: newestFirst('date'),
          take,
        }),
      (row) => row.date,
    ),
  };
}
