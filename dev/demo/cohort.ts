import { luhnCheckDigit } from '../../subgraphs/sip/consent-authority/children/personnummer.ts';
import type { DemoChild, DemoGuardian } from './people.ts';

/**
 * Thirty-two more fictional children, so the demo reads like a municipality rather than a handful
 * of families. Each is built from its index, so every subgraph's seed agrees on who has what:
 * `consent` says which consent situation the child is in, the other flags which agencies know them.
 */
export interface CohortChild extends DemoChild {
  index: number;
  consent: 'FULL' | 'NONE' | 'EXPIRED' | 'WITHDRAWN' | 'PARTIAL';
  school: { schoolName: string; schoolUnitCode: string; grade: number; className: string; mentor: string };
  highAbsence: boolean;
  hasSocialCase: boolean;
  hasCareContact: boolean;
}

const GIVEN = [
  'Maja',
  'Hugo',
  'Ella',
  'Liam',
  'Selma',
  'William',
  'Astrid',
  'Oscar',
  'Vera',
  'Lucas',
  'Freja',
  'Adam',
  'Alice',
  'Nils',
  'Olivia',
  'Viggo',
  'Stella',
  'Melvin',
  'Ebba',
  'Theo',
  'Wilda',
  'Frank',
  'Signe',
  'Arvid',
  'Tyra',
  'Sixten',
  'Lilly',
  'Harry',
  'Ines',
  'Loke',
  'Elvira',
  'Otto',
];
const FAMILY = [
  'Andersson',
  'Johansson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
];
const PARENT_GIVEN = ['Anna', 'Erik', 'Lena', 'Johan', 'Sofia', 'Mattias', 'Karin', 'Daniel'];
const SCHOOLS = [
  { schoolName: 'Björkhagens skola', schoolUnitCode: '45811111', mentors: ['Lisa Berg', 'Ahmed Nasser'] },
  { schoolName: 'Lärkans skola', schoolUnitCode: '45822222', mentors: ['Per Holm', 'Sara Lind'] },
];
const CONSENTS: CohortChild['consent'][] = ['FULL', 'NONE', 'EXPIRED', 'WITHDRAWN', 'PARTIAL'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Ages 6 to 16 on the day the demo data is written. */
const ageOf = (index: number) => 6 + (index % 11);
const personnummer = (date: string, serial: number) => `${date}-${serial}${luhnCheckDigit(date.slice(2) + serial)}`;

function cohortChild(index: number): CohortChild {
  const family = FAMILY[index % FAMILY.length];
  const parent = (p: number): DemoGuardian => ({
    id: `22222222-0000-4000-8000-${pad(1000 + index * 2 + p, 12)}`,
    personnummer: personnummer(
      `19${78 + (index % 12)}${pad(((index + p) % 12) + 1)}${pad(((index * 3 + p) % 27) + 1)}`,
      950 + p,
    ),
    givenName: PARENT_GIVEN[(index + p * 3) % PARENT_GIVEN.length],
    familyName: family,
  });
  const custodians = index % 3 === 0 ? [parent(0)] : [parent(0), parent(1)];
  const school = SCHOOLS[index % 2];
  const grade = Math.max(0, Math.min(9, ageOf(index) - 7));
  return {
    index,
    id: `11111111-0000-4000-8000-${pad(100 + index, 12)}`,
    age: ageOf(index),
    serial: 910 + index,
    givenName: GIVEN[index],
    familyName: family,
    guardians: custodians.map((guardian) => ({ guardian, hasCustody: true })),
    consent: CONSENTS[index % CONSENTS.length],
    school: {
      schoolName: school.schoolName,
      schoolUnitCode: school.schoolUnitCode,
      grade,
      className: `${grade}${'ABC'[index % 3]}`,
      mentor: school.mentors[index % 2],
    },
    highAbsence: index % 4 === 0,
    hasSocialCase: index % 2 === 0,
    hasCareContact: index % 3 !== 1,
  };
}

export const demoCohort: CohortChild[] = Array.from({ length: 32 }, (_, index) => cohortChild(index));
