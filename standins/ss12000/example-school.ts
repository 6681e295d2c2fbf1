import type { Ss12000Data } from './store.ts';

/**
 * A small, fictional municipality's school data as its student information system would serve it
 * over SS 12000: two school units, two classes, a mentor group, their students, a mentor, a
 * kurator, a guardian, a fritidshem placement, reported absence and attendance. The people and
 * their civic numbers are invented.
 */

const id = (kind: number, n: number) => `${String(kind).repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const EXAMPLE_IDS = {
  municipality: id(1, 1),
  bjorkhagen: id(1, 2),
  larkan: id(1, 3),
  alva: id(2, 1),
  elias: id(2, 2),
  noah: id(2, 3),
  wilma: id(2, 4),
  leo: id(2, 5),
  karin: id(2, 6),
  sara: id(2, 7),
  maria: id(2, 8),
  class7A: id(3, 1),
  mentorGroup7A: id(3, 2),
  class8B: id(3, 3),
  karinAsTeacher: id(4, 1),
  saraAsKurator: id(4, 2),
  alvaAtFritids: id(5, 1),
  mathematics7A: id(6, 1),
} as const;

/** Civic numbers of the example's students (12 digits, valid check digit, invented). */
export const EXAMPLE_CIVIC_NUMBERS = {
  alva: '201303141236',
  elias: '201306222348',
  noah: '201311053456',
  wilma: '201202194567',
  leo: '201209305679',
} as const;

const I = EXAMPLE_IDS;
const autumn = '2025-08-18';

const student = (key: keyof typeof EXAMPLE_CIVIC_NUMBERS, givenName: string, familyName: string, at: string) => ({
  id: I[key],
  givenName,
  familyName,
  civicNo: { value: EXAMPLE_CIVIC_NUMBERS[key], nationality: 'SE' },
  securityMarking: 'Ingen' as const,
  enrolments: [
    {
      enroledAt: { id: at },
      schoolType: 'GR' as const,
      schoolYear: at === I.bjorkhagen ? 7 : 8,
      startDate: autumn,
    },
  ],
});

export function exampleSchool(): Ss12000Data {
  return {
    organisations: [
      { id: I.municipality, displayName: 'Exempelby kommun', organisationType: 'Huvudman', municipalityCode: '9999' },
      {
        id: I.bjorkhagen,
        displayName: 'Björkhagens skola',
        organisationType: 'Skolenhet',
        schoolUnitCode: '99990001',
        schoolTypes: ['GR', 'FTH'],
        parentOrganisation: { id: I.municipality },
        municipalityCode: '9999',
      },
      {
        id: I.larkan,
        displayName: 'Lärkans skola',
        organisationType: 'Skolenhet',
        schoolUnitCode: '99990002',
        schoolTypes: ['GR'],
        parentOrganisation: { id: I.municipality },
        municipalityCode: '9999',
      },
    ],
    persons: [
      {
        ...student('alva', 'Alva', 'Ek', I.bjorkhagen),
        responsibles: [{ person: { id: I.maria }, relationType: 'Vårdnadshavare' }],
      },
      student('elias', 'Elias', 'Lind', I.bjorkhagen),
      student('noah', 'Noah', 'Berg', I.bjorkhagen),
      student('wilma', 'Wilma', 'Sjö', I.larkan),
      student('leo', 'Leo', 'Strand', I.larkan),
      { id: I.karin, givenName: 'Karin', familyName: 'Mentorsson', civicNo: { value: '198004126788' } },
      { id: I.sara, givenName: 'Sara', familyName: 'Kuratorsdotter', civicNo: { value: '197901017892' } },
      { id: I.maria, givenName: 'Maria', familyName: 'Ek', civicNo: { value: '198507078908' } },
    ],
    groups: [
      {
        id: I.class7A,
        displayName: '7A',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: I.bjorkhagen },
        startDate: autumn,
        endDate: '2026-06-12',
        groupMemberships: [I.alva, I.elias, I.noah].map((person) => ({ person: { id: person }, startDate: autumn })),
      },
      {
        id: I.mentorGroup7A,
        displayName: 'Mentorsgrupp 7A',
        groupType: 'Mentor',
        schoolType: 'GR',
        organisation: { id: I.bjorkhagen },
        startDate: autumn,
        groupMemberships: [I.alva, I.elias].map((person) => ({ person: { id: person }, startDate: autumn })),
      },
      {
        id: I.class8B,
        displayName: '8B',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: I.larkan },
        startDate: autumn,
        groupMemberships: [I.wilma, I.leo].map((person) => ({ person: { id: person }, startDate: autumn })),
      },
    ],
    duties: [
      {
        id: I.karinAsTeacher,
        person: { id: I.karin },
        dutyAt: { id: I.bjorkhagen },
        dutyRole: 'Lärare',
        signature: 'KAM',
        startDate: '2020-08-01',
        assignmentRole: [
          { group: { id: I.class7A }, assignmentRoleType: 'Mentor', startDate: autumn },
          { group: { id: I.mentorGroup7A }, assignmentRoleType: 'Mentor', startDate: autumn },
        ],
      },
      {
        id: I.saraAsKurator,
        person: { id: I.sara },
        dutyAt: { id: I.municipality },
        dutyRole: 'Kurator',
        startDate: '2019-01-07',
      },
    ],
    placements: [
      {
        id: I.alvaAtFritids,
        placedAt: { id: I.bjorkhagen },
        child: { id: I.alva },
        owners: [{ id: I.maria }],
        schoolType: 'FTH',
        reason: 'Omsorg',
        startDate: '2019-08-19',
        endDate: '2025-06-13',
      },
    ],
    absences: [
      absence(1, I.alva, 'Anmäld frånvaro', '2026-03-02T08:00:00+01:00', '2026-03-02T15:00:00+01:00'),
      absence(2, I.alva, 'Anmäld frånvaro', '2026-03-09T08:00:00+01:00', '2026-03-10T15:00:00+01:00'),
      absence(3, I.alva, 'Beviljad ledighet', '2026-04-13T08:00:00+02:00', '2026-04-17T15:00:00+02:00'),
      absence(4, I.elias, 'Anmäld frånvaro', '2026-03-03T08:00:00+01:00', '2026-03-03T12:00:00+01:00'),
      absence(5, I.wilma, 'Anmäld frånvaro', '2026-03-04T08:00:00+01:00', '2026-03-04T15:00:00+01:00'),
    ],
    attendance: [
      // Mathematics in 7A, 60 minutes a day: Alva invalidly absent on one day, Elias away (reported) on one.
      ...['2026-03-02', '2026-03-03', '2026-03-04'].flatMap((day) => [
        attended(I.alva, day, day === '2026-03-04' ? { invalid: 60 } : day === '2026-03-02' ? { valid: 60 } : {}),
        attended(I.elias, day, day === '2026-03-03' ? { valid: 60 } : {}),
      ]),
    ],
  };
}

function absence(
  n: number,
  student: string,
  type: 'Anmäld frånvaro' | 'Beviljad ledighet',
  start: string,
  end: string,
) {
  return {
    id: id(7, n),
    student: { id: student },
    organisation: { id: student === I.wilma ? I.larkan : I.bjorkhagen },
    type,
    startTime: start,
    endTime: end,
    registeredBy: { id: student === I.alva ? I.maria : student },
  };
}

function attended(student: string, day: string, { valid = 0, invalid = 0 }: { valid?: number; invalid?: number }) {
  return {
    activity: { id: I.mathematics7A },
    student: { id: student },
    startDate: day,
    endDate: day,
    attendanceSum: 60 - valid - invalid,
    validAbsenceSum: valid,
    invalidAbsenceSum: invalid,
    reportedSum: 60,
    offeredSum: 60,
  };
}
