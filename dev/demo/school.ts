import type { Prisma } from '../../prisma/school/client/client.ts';
import type { DemoDataStep } from '../../lib/db/demo-data.ts';
import {
  toSs12000Data,
  withStaff,
  type AbsenceRecord,
  type EnrolmentRecord,
  type Ss12000Records,
} from '../../subgraphs/school/ss12000/student-records.ts';
import { demoCohort } from './cohort.ts';
import { demoChildren as c, demoStaff } from './people.ts';
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
function absencesFor(seed: number, high: boolean, days: Date[]): AbsenceRecord[] {
  return days.flatMap((day, i): AbsenceRecord[] => {
    if (high && (i + seed) % 3 === 0)
      return [{ date: day, minutes: 360, reason: (i + seed) % 2 === 0 ? 'UNREPORTED' : 'REPORTED' }];
    if ((i + seed) % 17 === 0) return [{ date: day, minutes: 360, reason: 'REPORTED' }];
    if ((i + seed) % 23 === 0) return [{ date: day, minutes: 90, reason: 'LEAVE_GRANTED' }];
    return [];
  });
}

const enrolment = (
  school: { schoolName: string; schoolUnitCode: string },
  className: string,
  mentor: string,
  start: string,
  end?: string,
): EnrolmentRecord => ({
  ...school,
  className,
  grade: Number(className[0]),
  mentor,
  startDate: date(start),
  endDate: end ? date(end) : null,
});

/**
 * The schools' student information system as the demo's SS 12000 stand-in serves it: enrolments
 * (Wilma has moved school; the cohort attends two more schools) and this term's absence so far
 * (Alva's and Juni's is high: Juni moved to Ekbackens skola three years ago and has stopped coming),
 * for the children the SIP core registered (their personnummer by child id).
 */
export function schoolDemoRecords(personnummer: ReadonlyMap<string, string>, now: Date): Ss12000Records {
  const days = schoolDaysSoFar(now);
  const students = [
    { child: c.alva, enrolments: [enrolment(ekbacken, '8B', 'Jenny Ström', '2019-08-19')], absence: [0, true] },
    { child: c.elias, enrolments: [enrolment(solrosen, '9A', 'Omar Said', '2017-08-21')], absence: [1, false] },
    { child: c.noah, enrolments: [enrolment(ekbacken, '6A', 'Lars Ek', '2021-08-18')], absence: [2, false] },
    {
      child: c.wilma,
      enrolments: [
        enrolment(ekbacken, '9C', 'Lars Ek', '2016-08-22', '2025-06-13'),
        enrolment(solrosen, '9B', 'Omar Said', '2025-08-18'),
      ],
      absence: [3, false],
    },
    { child: c.leo, enrolments: [enrolment(solrosen, '9A', 'Omar Said', '2018-08-20')], absence: [4, false] },
    { child: c.saga, enrolments: [enrolment(ekbacken, '7A', 'Jenny Ström', '2020-08-17')], absence: [5, false] },
    { child: c.juni, enrolments: [enrolment(ekbacken, '9B', 'Lars Ek', '2023-08-21')], absence: [1, true] },
    { child: c.ebbe, enrolments: [enrolment(solrosen, '5B', 'Maria Dahl', '2022-08-17')], absence: [6, false] },
    ...demoCohort.map((child) => ({
      child,
      enrolments: [
        {
          ...child.school,
          mentor: child.school.mentor,
          startDate: date(`${2026 - child.school.grade}-08-17`),
        },
      ],
      absence: [child.index, child.highAbsence] as const,
    })),
  ] as const;
  const records = toSs12000Data(
    students
      .filter(({ child }) => personnummer.has(child.id))
      .map(({ child, enrolments, absence: [seed, high] }) => ({
        childId: child.id,
        personnummer: personnummer.get(child.id)!,
        givenName: child.givenName,
        familyName: child.familyName,
        enrolments: [...enrolments],
        absences: absencesFor(seed, high, days),
      })),
  );
  // The student health team at Ekbackens skola, who sign in: the demo's counsellor and a school nurse.
  return withStaff(records, [
    {
      subject: demoStaff.counsellor.subject,
      givenName: 'Karin',
      familyName: 'Kurator',
      dutyRole: 'Kurator',
      schoolUnitCode: ekbacken.schoolUnitCode,
      email: demoStaff.counsellor.email,
    },
    {
      subject: 'staff-school-ekbacken-2',
      givenName: 'Helena',
      familyName: 'Berg',
      dutyRole: 'Skolsköterska',
      schoolUnitCode: ekbacken.schoolUnitCode,
      email: 'helena.berg@ekbacken.skola.example',
      phone: '010-345 67 89',
    },
  ]);
}

/**
 * The school's own records of what SS 12000 has no resource for: Alva has adaptations and an action
 * programme, Elias sees the student health team.
 */
async function writeSchoolRecords(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const daysAgo = (n: number) => new Date(date(swedishDate(now)).getTime() - n * DAY);
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
