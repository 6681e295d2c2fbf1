import type { Resource } from '@medplum/fhirtypes';
import {
  toCondition,
  toEncounter,
  toEpisodeOfCare,
  toServiceRequest,
  toTreatmentResource,
  type CareUnit,
  type TreatmentRecord,
} from '../../subgraphs/health/fhir/care-resources.ts';
import { standInPatient, standInPatientId as patientId } from '../../standins/fhir/patients.ts';
import { demoCohort } from './cohort.ts';
import { demoChildren as c, demoRecordIds, demoStaff } from './people.ts';
import { toPractitionerRole } from '../../subgraphs/health/fhir/practitioner-roles.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The region's catalogue (HSA): the demo's doctor and nurse, a psychologist beside the doctor, and BUP Södra. */
const HEALTH_STAFF = [
  { ...demoStaff.doctor, phone: '010-234 56 78' },
  { ...demoStaff.nurse, phone: null },
  {
    subject: 'staff-bup-norra-2',
    name: 'Per Holm',
    title: 'psykolog',
    unit: 'BUP Norra',
    email: 'per.holm@bup-norra.region.example',
    phone: null,
  },
  { subject: 'staff-bup-sodra-1', name: 'Lina Söder', title: 'läkare', unit: 'BUP Södra', email: null, phone: null },
];
const contactId = (n: number) => `88888888-0000-4000-8000-${String(n).padStart(12, '0')}`;
const bup = { unitName: 'BUP Norra', unitType: 'BUP' as const };
const habilitering = { unitName: 'Barn- och ungdomshabiliteringen', unitType: 'HABILITERING' as const };
const vardcentral = { unitName: 'Vårdcentralen Ekbacken', unitType: 'VARDCENTRAL' as const };
const paediatrics = { unitName: 'Barn- och ungdomsmedicin', unitType: 'PAEDIATRICS' as const };

/** A diagnosis per cohort profile, with what treats it. ICD-10-SE codes, fictional patients. */
const COHORT_CARE = [
  {
    unit: bup,
    code: 'F90.0',
    text: 'Aktivitets- och uppmärksamhetsstörning (ADHD)',
    treatment: { kind: 'MEDICATION' as const, name: 'Metylfenidat', dosage: '18 mg en gång dagligen' },
  },
  {
    unit: habilitering,
    code: 'F84.0',
    text: 'Autism i barndomen',
    treatment: { kind: 'THERAPY' as const, name: 'Föräldrautbildning och arbetsterapi', dosage: null },
  },
  {
    unit: paediatrics,
    code: 'E10.9',
    text: 'Diabetes mellitus typ 1 utan komplikationer',
    treatment: { kind: 'MEDICATION' as const, name: 'Insulin aspart', dosage: 'Enligt ordination' },
  },
  {
    unit: bup,
    code: 'F41.1',
    text: 'Generaliserat ångestsyndrom',
    treatment: { kind: 'THERAPY' as const, name: 'KBT', dosage: null },
  },
];

interface Row {
  id?: string;
  childId: string;
}

/**
 * The region's journal system as the demo's FHIR server holds it: a Patient per registered demo
 * child (by the personnummer the SIP core gave it, `personnummer` by child id) and fictional care
 * records. Saga's BUP contact has ended; about two in three of the cohort have a care contact.
 */
export function healthDemoRecords(personnummer: ReadonlyMap<string, string>): Resource[] {
  const known = <T extends Row>(rows: T[]) => rows.filter((row) => personnummer.has(row.childId));
  const cohort = demoCohort
    .filter((child) => child.hasCareContact)
    .map((child) => ({ child, care: COHORT_CARE[child.index % COHORT_CARE.length] }));
  const contacts = known<Row & CareUnit & { id: string; startDate: Date; endDate?: Date }>([
    { id: contactId(1), childId: c.alva.id, ...bup, startDate: date('2025-03-10') },
    { id: contactId(2), childId: c.alva.id, ...vardcentral, startDate: date('2013-01-15') },
    { id: contactId(3), childId: c.elias.id, ...bup, startDate: date('2024-10-01') },
    { id: contactId(4), childId: c.noah.id, ...habilitering, startDate: date('2019-05-20') },
    { id: contactId(5), childId: c.leo.id, ...habilitering, startDate: date('2016-02-02') },
    { id: contactId(6), childId: c.leo.id, ...bup, startDate: date('2026-02-11') },
    { id: contactId(7), childId: c.saga.id, ...bup, startDate: date('2023-04-03'), endDate: date('2024-06-30') },
    { id: contactId(8), childId: c.ebbe.id, ...vardcentral, startDate: date('2016-09-12') },
    { id: contactId(9), childId: c.juni.id, ...bup, startDate: date('2026-09-07') },
    { id: contactId(10), childId: c.hedda.id, ...vardcentral, startDate: date('2024-02-12') },
    ...cohort.map(({ child, care }) => ({
      id: contactId(100 + child.index),
      childId: child.id,
      ...care.unit,
      startDate: date(`2025-0${(child.index % 9) + 1}-01`),
    })),
  ]);
  const unitOf = new Map(contacts.map((contact) => [contact.id, contact]));
  const visits = known([
    ...['2025-03-10', '2025-04-14', '2025-09-22', '2026-02-02', '2026-10-05'].map((day) => ({
      childId: c.alva.id,
      contactId: contactId(1),
      date: date(day),
      mode: 'IN_PERSON' as const,
      profession: 'psykolog',
    })),
    {
      childId: c.elias.id,
      contactId: contactId(3),
      date: date('2026-09-30'),
      mode: 'VIDEO' as const,
      profession: 'läkare',
    },
    ...cohort.map(({ child }) => ({
      childId: child.id,
      contactId: contactId(100 + child.index),
      date: date('2026-10-1' + (child.index % 10)),
      mode: 'IN_PERSON' as const,
      profession: 'läkare',
    })),
  ]);
  const diagnoses = known([
    {
      childId: c.alva.id,
      code: 'F32.1',
      text: 'Medelsvår depressiv episod',
      diagnosedOn: date('2025-05-20'),
      unitName: bup.unitName,
    },
    {
      childId: c.noah.id,
      code: 'F84.0',
      text: 'Autism i barndomen',
      diagnosedOn: date('2019-04-02'),
      unitName: habilitering.unitName,
    },
    {
      id: demoRecordIds.leoDiagnosis,
      childId: c.leo.id,
      code: 'G80.1',
      text: 'Spastisk diplegi',
      diagnosedOn: date('2013-06-11'),
      unitName: habilitering.unitName,
    },
    ...cohort.map(({ child, care }) => ({
      childId: child.id,
      code: care.code,
      text: care.text,
      diagnosedOn: date(`2025-0${(child.index % 9) + 1}-15`),
      unitName: care.unit.unitName,
    })),
  ]);
  const treatments = known<Row & TreatmentRecord>([
    {
      childId: c.alva.id,
      kind: 'MEDICATION',
      name: 'Sertralin',
      dosage: '50 mg en gång dagligen',
      startsOn: date('2025-06-01'),
      unitName: bup.unitName,
    },
    {
      childId: c.alva.id,
      kind: 'THERAPY',
      name: 'KBT',
      dosage: null,
      startsOn: date('2025-04-14'),
      endsOn: date('2025-12-19'),
      unitName: bup.unitName,
    },
    ...cohort.map(({ child, care }) => ({
      childId: child.id,
      ...care.treatment,
      startsOn: date(`2025-0${(child.index % 9) + 1}-20`),
      unitName: care.unit.unitName,
    })),
  ]);
  const referrals = known<Row & Parameters<typeof toServiceRequest>[2]>([
    {
      childId: c.alva.id,
      fromUnit: vardcentral.unitName,
      toUnit: bup.unitName,
      sentOn: date('2025-02-12'),
      reason: 'Nedstämdhet och skolfrånvaro',
      status: 'COMPLETED',
    },
    {
      childId: c.elias.id,
      fromUnit: 'Elevhälsan Solrosens skola',
      toUnit: bup.unitName,
      sentOn: date('2024-09-05'),
      reason: 'Oro och sömnsvårigheter',
      status: 'ACCEPTED',
    },
    ...cohort
      .filter(({ child }) => child.index % 2 === 0)
      .map(({ child, care }) => ({
        childId: child.id,
        fromUnit: vardcentral.unitName,
        toUnit: care.unit.unitName,
        sentOn: date(`2025-0${(child.index % 9) + 1}-02`),
        reason: 'Utredning',
        status: 'COMPLETED' as const,
      })),
  ]);
  const patient = (row: Row) => patientId(row.childId);
  return [
    ...[...personnummer].map(([childId, number]) => {
      const child = [...Object.values(c), ...demoCohort].find(({ id }) => id === childId);
      return standInPatient(childId, number, { given: child?.givenName ?? '', family: child?.familyName ?? '' });
    }),
    ...contacts.map((contact) => toEpisodeOfCare(contact.id, patient(contact), contact)),
    ...visits.map(({ contactId: episodeId, ...visit }) =>
      toEncounter(undefined, patient(visit), { ...unitOf.get(episodeId)!, ...visit, episodeId }),
    ),
    ...diagnoses.map((diagnosis) => toCondition(diagnosis.id, patient(diagnosis), diagnosis)),
    ...treatments.map((treatment) => toTreatmentResource(undefined, patient(treatment), treatment)),
    ...referrals.map((referral) => toServiceRequest(undefined, patient(referral), referral)),
    ...HEALTH_STAFF.map(toPractitionerRole),
  ];
}
