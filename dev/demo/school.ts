import type { Prisma } from '../../prisma/school/client/client.ts';
import type { DemoDataStep } from '../../lib/db/demo-data.ts';
import { demoCohort } from './cohort.ts';
import { demoChildren as c } from './people.ts';
import { swedishDate } from '../../lib/periods.ts';
import { isSchoolDay, termOn } from '../../subgraphs/school/attendance/terms.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ekbacken = { schoolName: 'Ekbackens skola', schoolUnitCode: '45812345' };
const solrosen = { schoolName: 'Solrosens skola', schoolUnitCode: '45867890' };
const DAY = 86_400_000;

/** The school days of the current term before today, oldest first. */
function schoolDaysSoFar(now: Date): Date[] {
  const today = date(swedishDate(now));
  const days: Date[] = [];
  for (let day = termOn(swedishDate(now)).start; day < today; day = new Date(day.getTime() + DAY))
    if (isSchoolDay(day)) days.push(day);
  return days;
}

/**
 * Absence this term: a child with high absence misses every third day (often unreported), the
 * others are ill now and then and go to the odd appointment.
 */
function absencesFor(
  childId: string,
  seed: number,
  high: boolean,
  days: Date[],
  now: Date,
): Prisma.AbsenceCreateManyInput[] {
  return days
    .flatMap((day, i): Prisma.AbsenceCreateManyInput[] => {
      const base = {
        childId,
        date: day,
        recordedBy: 'staff-school-admin',
        recordedAt: new Date(day.getTime() + 9 * 3600_000),
        note: null,
      };
      if (high && (i + seed) % 3 === 0) {
        const unreported = (i + seed) % 2 === 0;
        return [{ ...base, minutes: 360, reason: unreported ? 'UNREPORTED' : 'ILLNESS', valid: !unreported }];
      }
      if ((i + seed) % 17 === 0) return [{ ...base, minutes: 360, reason: 'ILLNESS', valid: true }];
      if ((i + seed) % 23 === 0)
        return [{ ...base, minutes: 90, reason: 'MEDICAL_APPOINTMENT', valid: true, note: 'Tandläkare' }];
      return [];
    })
    .filter((absence) => (absence.date as Date) < now);
}

/**
 * Fictional student records. Wilma has moved school; Alva's and Juni's absence is high (Juni moved
 * to Ekbackens skola three years ago and has stopped coming), and Alva has adaptations and an action
 * programme; the cohort attends two more schools.
 */
async function writeSchoolRecords(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const days = schoolDaysSoFar(now);
  const daysAgo = (n: number) => new Date(date(swedishDate(now)).getTime() - n * DAY);
  const cohortPlacements = demoCohort.map(({ id, school }) => ({
    childId: id,
    ...school,
    startDate: date(`${2026 - school.grade}-08-17`),
  }));
  await tx.schoolPlacement.createMany({
    data: [
      {
        childId: c.alva.id,
        ...ekbacken,
        className: '8B',
        grade: 8,
        mentor: 'Jenny Ström',
        startDate: date('2019-08-19'),
      },
      {
        childId: c.elias.id,
        ...solrosen,
        className: '9A',
        grade: 9,
        mentor: 'Omar Said',
        startDate: date('2017-08-21'),
      },
      { childId: c.noah.id, ...ekbacken, className: '6A', grade: 6, mentor: 'Lars Ek', startDate: date('2021-08-18') },
      {
        childId: c.wilma.id,
        ...ekbacken,
        className: '9C',
        grade: 9,
        mentor: 'Lars Ek',
        startDate: date('2016-08-22'),
        endDate: date('2025-06-13'),
      },
      {
        childId: c.wilma.id,
        ...solrosen,
        className: '9B',
        grade: 9,
        mentor: 'Omar Said',
        startDate: date('2025-08-18'),
      },
      { childId: c.leo.id, ...solrosen, className: '9A', grade: 9, mentor: 'Omar Said', startDate: date('2018-08-20') },
      {
        childId: c.saga.id,
        ...ekbacken,
        className: '7A',
        grade: 7,
        mentor: 'Jenny Ström',
        startDate: date('2020-08-17'),
      },
      { childId: c.juni.id, ...ekbacken, className: '9B', grade: 9, mentor: 'Lars Ek', startDate: date('2023-08-21') },
      {
        childId: c.ebbe.id,
        ...solrosen,
        className: '5B',
        grade: 5,
        mentor: 'Maria Dahl',
        startDate: date('2022-08-17'),
      },
      ...cohortPlacements,
    ],
  });
  await tx.absence.createMany({
    data: [
      ...absencesFor(c.alva.id, 0, true, days, now),
      ...absencesFor(c.juni.id, 1, true, days, now),
      ...[c.elias, c.noah, c.wilma, c.leo, c.saga, c.ebbe].flatMap((child, i) =>
        absencesFor(child.id, i + 1, false, days, now),
      ),
      ...demoCohort.flatMap((child) => absencesFor(child.id, child.index, child.highAbsence, days, now)),
    ],
  });
  await tx.extraAdaptation.createMany({
    data: [
      {
        childId: c.alva.id,
        description: 'Senare start på dagen, första lektionen i ett mindre rum',
        startsOn: daysAgo(60),
        decidedBy: 'Jenny Ström',
        evaluatedOn: daysAgo(20),
      },
      {
        childId: c.alva.id,
        description: 'Skriftliga instruktioner och färre uppgifter åt gången',
        subject: 'Matematik',
        startsOn: daysAgo(90),
        endsOn: daysAgo(30),
        decidedBy: 'Jenny Ström',
      },
      {
        childId: c.noah.id,
        description: 'Bildstöd och förberedelse inför förändringar',
        startsOn: daysAgo(200),
        decidedBy: 'Lars Ek',
      },
      ...demoCohort
        .filter((child) => child.index % 3 === 0)
        .map((child) => ({
          childId: child.id,
          description: 'Hörselkåpor och egen arbetsplats vid behov',
          startsOn: daysAgo(30 + child.index),
          decidedBy: child.school.mentor,
        })),
    ],
  });
  await tx.actionProgramme.createMany({
    data: [
      {
        childId: c.alva.id,
        decidedOn: daysAgo(30),
        needs: 'Alva behöver stöd för att komma till skolan och klara kunskapskraven i matematik.',
        measures: 'Speciallärare två gånger i veckan; anpassad studiegång.',
        evaluateOn: daysAgo(-60),
        decidedBy: 'Rektor Ekbackens skola',
      },
      ...demoCohort
        .filter((child) => child.index % 6 === 0)
        .map((child) => ({
          childId: child.id,
          decidedOn: daysAgo(100 + child.index),
          needs: 'Behov av särskilt stöd i läsning och skrivning.',
          measures: 'Specialpedagog tre gånger i veckan.',
          evaluateOn: daysAgo(-30),
          decidedBy: `Rektor ${child.school.schoolName}`,
        })),
    ],
  });
  await tx.studentHealthContact.createMany({
    data: [
      ...[56, 42, 28, 14, 7].map((n) => ({
        childId: c.alva.id,
        date: daysAgo(n),
        profession: 'COUNSELLOR' as const,
        purpose: 'Stödsamtal om skolfrånvaro',
      })),
      { childId: c.elias.id, date: daysAgo(21), profession: 'SCHOOL_NURSE', purpose: 'Samtal om sömn och oro' },
      {
        childId: c.elias.id,
        date: daysAgo(10),
        profession: 'PSYCHOLOGIST',
        purpose: 'Bedömning inför remiss till BUP',
      },
      ...demoCohort
        .filter((child) => child.index % 2 === 0)
        .map((child) => ({
          childId: child.id,
          date: daysAgo(5 + child.index),
          profession: 'SCHOOL_NURSE' as const,
          purpose: 'Hälsosamtal',
        })),
    ],
  });
}

export const schoolDemoData: Array<DemoDataStep<Prisma.TransactionClient>> = [
  { name: 'student records', write: writeSchoolRecords },
];
