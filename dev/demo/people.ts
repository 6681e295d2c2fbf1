/**
 * Fictional demo people. Personnummer use the 98xx/99xx serials of test-number style and pass
 * the Luhn check; ids are fixed so each agency's seed can refer to the SIP core's children.
 */
export interface DemoGuardian {
  id: string;
  personnummer: string;
  givenName: string;
  familyName: string;
}

export interface DemoChild {
  id: string;
  personnummer: string;
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
};

const g = demoGuardians;
const child = (
  n: number,
  personnummer: string,
  givenName: string,
  familyName: string,
  guardians: DemoChild['guardians'],
): DemoChild => ({
  id: `11111111-0000-4000-8000-${String(n).padStart(12, '0')}`,
  personnummer,
  givenName,
  familyName,
  guardians,
});

export const demoChildren = {
  /** 14, joint custody: both parents must consent. */
  alva: child(1, '20120314-9826', 'Alva', 'Lindqvist', [
    { guardian: g.mariaLindqvist, hasCustody: true },
    { guardian: g.johanLindqvist, hasCustody: true },
  ]),
  /** 16: may consent on his own. */
  elias: child(2, '20100722-9816', 'Elias', 'Berg', [{ guardian: g.saraBerg, hasCustody: true }]),
  /** 12; his father is a registered parent without custody. */
  noah: child(3, '20141105-9841', 'Noah', 'Karlsson', [
    { guardian: g.annaKarlsson, hasCustody: true },
    { guardian: g.peterNilsson, hasCustody: false },
  ]),
  wilma: child(4, '20090218-9836', 'Wilma', 'Ek', [{ guardian: g.lenaEk, hasCustody: true }]),
  leo: child(5, '20110930-9854', 'Leo', 'Haddad', [
    { guardian: g.raniaHaddad, hasCustody: true },
    { guardian: g.omarHaddad, hasCustody: true },
  ]),
  saga: child(6, '20130611-9866', 'Saga', 'Holm', [{ guardian: g.karinHolm, hasCustody: true }]),
  ebbe: child(7, '20150403-9874', 'Ebbe', 'Ek', [{ guardian: g.lenaEk, hasCustody: true }]),
  juni: child(8, '20081127-9884', 'Juni', 'Berg', [{ guardian: g.saraBerg, hasCustody: true }]),
};

export interface DemoStaff {
  subject: string;
  name: string;
  agency: 'SCHOOL' | 'SOCIAL_SERVICES' | 'HEALTH_CARE';
  unit: string;
  /** The role claim in their token. */
  role: string;
  /** Their professional title, as a SIP lists them. */
  title: string;
}

/** Fictional staff, one per agency; `npm start` prints a token for each. */
export const demoStaff = {
  counsellor: {
    subject: 'staff-school-ekbacken-1',
    name: 'Karin Kurator',
    agency: 'SCHOOL',
    unit: 'Ekbackens skola',
    role: 'school_counsellor',
    title: 'kurator',
  },
  socialWorker: {
    subject: 'staff-social-1',
    name: 'Eva Sundberg',
    agency: 'SOCIAL_SERVICES',
    unit: 'Barn och familj',
    role: 'social_worker',
    title: 'socialsekreterare',
  },
  doctor: {
    subject: 'staff-bup-norra-1',
    name: 'Jonas Lind',
    agency: 'HEALTH_CARE',
    unit: 'BUP Norra',
    role: 'doctor',
    title: 'läkare',
  },
} satisfies Record<string, DemoStaff>;

/** Records in an agency's own system that a demo SIP plan links to. */
export const demoRecordIds = {
  /** Social services' decision on parenting support for Alva's family. */
  alvaParentingSupport: '99999999-0000-4000-8000-000000000001',
};
