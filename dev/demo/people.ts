import type { Agency } from '../../policy/agencies.ts';
import { luhnCheckDigit } from '../../subgraphs/sip/consent-authority/children/personnummer.ts';

/**
 * Fictional demo people. Personnummer use the 98xx/99xx serials of test-number style and pass
 * the Luhn check; ids are fixed so each agency's seed can refer to the SIP core's children.
 * Children's birth dates are counted back from the day the demo data is written, so that a demo
 * started in any year has the same ages: a 14-year-old who needs both custodians, a 16-year-old
 * who consents on his own, and a 17-year-old who turns 18 three weeks after, inside the consent
 * her mother gave; no child has turned 18 yet.
 */
export interface DemoGuardian {
  id: string;
  personnummer: string;
  givenName: string;
  familyName: string;
}

export interface DemoChild {
  id: string;
  /** Age in whole years on the day the demo data is written; the birthday was two months before. */
  age: number;
  /** Instead: the next birthday comes this many days after the demo data is written. */
  birthdayInDays?: number;
  /** The personnummer's serial and check digit follow from the birth date and these three digits. */
  serial: number;
  givenName: string;
  familyName: string;
  guardians: Array<{ guardian: DemoGuardian; hasCustody: boolean }>;
}

const guardian = (n: number, personnummer: string, givenName: string, familyName: string): DemoGuardian => ({
  id: `22222222-0000-4000-8000-${String(n).padStart(12, '0')}`,
  personnummer,
  givenName,
  familyName,
});

export const demoGuardians = {
  mariaLindqvist: guardian(1, '19800512-9914', 'Maria', 'Lindqvist'),
  johanLindqvist: guardian(2, '19820819-9920', 'Johan', 'Lindqvist'),
  saraBerg: guardian(3, '19780103-9939', 'Sara', 'Berg'),
  annaKarlsson: guardian(4, '19850625-9947', 'Anna', 'Karlsson'),
  peterNilsson: guardian(5, '19790917-9959', 'Peter', 'Nilsson'),
  lenaEk: guardian(6, '19830228-9965', 'Lena', 'Ek'),
  raniaHaddad: guardian(7, '19760704-9975', 'Rania', 'Haddad'),
  omarHaddad: guardian(8, '19810411-9980', 'Omar', 'Haddad'),
  karinHolm: guardian(9, '19870130-9992', 'Karin', 'Holm'),
  evaStrand: guardian(10, '19720905-9988', 'Eva', 'Strand'),
};

const g = demoGuardians;
const child = (
  n: number,
  age: number,
  serial: number,
  givenName: string,
  familyName: string,
  guardians: DemoChild['guardians'],
): DemoChild => ({
  id: `11111111-0000-4000-8000-${String(n).padStart(12, '0')}`,
  age,
  serial,
  givenName,
  familyName,
  guardians,
});

const BIRTHDAY_BEFORE_SEEDING_DAYS = 61;

/**
 * A demo child's date of birth: `age` years before a day two months before `seededAt`, or, with
 * `birthdayInDays`, `age + 1` years before that many days after it.
 */
export function demoDateOfBirth(child: Pick<DemoChild, 'age' | 'birthdayInDays'>, seededAt: Date): Date {
  const DAY = 24 * 60 * 60 * 1000;
  const next = child.birthdayInDays !== undefined;
  const birthday = new Date(seededAt.getTime() + (next ? child.birthdayInDays! : -BIRTHDAY_BEFORE_SEEDING_DAYS) * DAY);
  const years = next ? child.age + 1 : child.age;
  return new Date(Date.UTC(birthday.getUTCFullYear() - years, birthday.getUTCMonth(), birthday.getUTCDate()));
}

/** A demo child's personnummer (YYYYMMDD-NNNC) as of the day the demo data is written. */
export function demoPersonnummer(child: Pick<DemoChild, 'age' | 'serial' | 'birthdayInDays'>, seededAt: Date): string {
  const date = demoDateOfBirth(child, seededAt).toISOString().slice(0, 10).replaceAll('-', '');
  const serial = String(child.serial).padStart(3, '0');
  return `${date}-${serial}${luhnCheckDigit(date.slice(2) + serial)}`;
}

export const demoChildren = {
  /** 14, joint custody: both parents must consent. */
  alva: child(1, 14, 982, 'Alva', 'Lindqvist', [
    { guardian: g.mariaLindqvist, hasCustody: true },
    { guardian: g.johanLindqvist, hasCustody: true },
  ]),
  /** 16: may consent on his own. */
  elias: child(2, 16, 981, 'Elias', 'Berg', [{ guardian: g.saraBerg, hasCustody: true }]),
  /** 12; his father is a registered parent without custody. */
  noah: child(3, 12, 984, 'Noah', 'Karlsson', [
    { guardian: g.annaKarlsson, hasCustody: true },
    { guardian: g.peterNilsson, hasCustody: false },
  ]),
  wilma: child(4, 16, 983, 'Wilma', 'Ek', [{ guardian: g.lenaEk, hasCustody: true }]),
  leo: child(5, 15, 985, 'Leo', 'Haddad', [
    { guardian: g.raniaHaddad, hasCustody: true },
    { guardian: g.omarHaddad, hasCustody: true },
  ]),
  saga: child(6, 13, 986, 'Saga', 'Holm', [{ guardian: g.karinHolm, hasCustody: true }]),
  ebbe: child(7, 11, 987, 'Ebbe', 'Ek', [{ guardian: g.lenaEk, hasCustody: true }]),
  juni: child(8, 16, 988, 'Juni', 'Berg', [{ guardian: g.saraBerg, hasCustody: true }]),
  /** 17, and 18 three weeks after the demo is written: her mother's consent stops counting that day. */
  hedda: { ...child(9, 17, 989, 'Hedda', 'Strand', [{ guardian: g.evaStrand, hasCustody: true }]), birthdayInDays: 21 },
};

export interface DemoStaff {
  subject: string;
  name: string;
  agency: Agency;
  unit: string;
  /** The role claim in their token. */
  role: string;
  /** Their professional title, as a SIP lists them. */
  title: string;
  /** Where their summonses are sent (the local mail stand-in shows them). */
  email: string;
}

/** Fictional staff, one per agency and a nurse outside every SIP; `npm start` prints a token for each. */
export const demoStaff = {
  counsellor: {
    subject: 'staff-school-ekbacken-1',
    name: 'Karin Kurator',
    agency: 'SCHOOL',
    unit: 'Ekbackens skola',
    role: 'school_counsellor',
    title: 'kurator',
    email: 'karin.kurator@ekbacken.skola.example',
  },
  socialWorker: {
    subject: 'staff-social-1',
    name: 'Eva Sundberg',
    agency: 'SOCIAL_SERVICES',
    unit: 'Barn och familj',
    role: 'social_worker',
    title: 'socialsekreterare',
    email: 'eva.sundberg@socialtjansten.kommun.example',
  },
  doctor: {
    subject: 'staff-bup-norra-1',
    name: 'Jonas Lind',
    agency: 'HEALTH_CARE',
    unit: 'BUP Norra',
    role: 'doctor',
    title: 'läkare',
    email: 'jonas.lind@bup-norra.region.example',
  },
  /** Takes part in no demo SIP: what she may read shows what need to know means. */
  nurse: {
    subject: 'staff-vc-norr-1',
    name: 'Sofia Ström',
    agency: 'HEALTH_CARE',
    unit: 'Vårdcentralen Norr',
    role: 'nurse',
    title: 'sjuksköterska',
    email: 'sofia.strom@vc-norr.region.example',
  },
} satisfies Record<string, DemoStaff>;

/** Records in an agency's own system that a demo SIP plan links to. */
export const demoRecordIds = {
  /** Social services' decision on parenting support for Alva's family. */
  alvaParentingSupport: '99999999-0000-4000-8000-000000000001',
  /** Health care's diagnosis of Leo, which his mother keeps from every other agency. */
  leoDiagnosis: '99999999-0000-4000-8000-000000000002',
};
