import type { PrismaClient } from '../../prisma/school/client/client.ts';
import { demoChildren as c } from '../../prisma/demo/people.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ekbacken = { schoolName: 'Ekbackens skola', schoolUnitCode: '45812345' };
const solrosen = { schoolName: 'Solrosens skola', schoolUnitCode: '45867890' };

/** Fictional placements; Wilma has moved school, Juni has none (she attends a school outside the municipality). */
export async function seedSchool(prisma: PrismaClient): Promise<void> {
  if ((await prisma.schoolPlacement.count()) > 0) return;
  await prisma.schoolPlacement.createMany({
    data: [
      { childId: c.alva.id, ...ekbacken, className: '8B', grade: 8, startDate: date('2019-08-19') },
      { childId: c.elias.id, ...solrosen, className: '9A', grade: 9, startDate: date('2017-08-21') },
      { childId: c.noah.id, ...ekbacken, className: '6A', grade: 6, startDate: date('2021-08-18') },
      { childId: c.wilma.id, ...ekbacken, className: '9C', grade: 9, startDate: date('2016-08-22'), endDate: date('2025-06-13') },
      { childId: c.wilma.id, ...solrosen, className: '9B', grade: 9, startDate: date('2025-08-18') },
      { childId: c.leo.id, ...solrosen, className: '9A', grade: 9, startDate: date('2018-08-20') },
      { childId: c.saga.id, ...ekbacken, className: '7A', grade: 7, startDate: date('2020-08-17') },
      { childId: c.ebbe.id, ...solrosen, className: '5B', grade: 5, startDate: date('2022-08-17') },
    ],
  });
}
