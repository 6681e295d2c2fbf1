import type { CaseSystemRecords } from '../../standins/case-system/start-case-system.ts';
import { demoCohort } from './cohort.ts';
import { demoChildren as c, demoRecordIds, demoStaff } from './people.ts';

const at = (iso: string) => new Date(iso);
// The case system names its handling officers, and knows each by their sign-in identity.
const eva = { handlingOfficer: demoStaff.socialWorker.name, handlingOfficerId: demoStaff.socialWorker.subject };
const mikael = { handlingOfficer: 'Mikael Öst', handlingOfficerId: 'staff-social-2' };
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const caseId = (n: number) => `77777777-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The case system as the demo's stand-in holds it, for the children the SIP core registered (their
 * personnummer by child id): fictional case records. Leo's earlier case is closed; Alva's family
 * has parenting support and a contact family; Juni lives in a family home; half the cohort has an
 * open case, with an investigation and an intervention under SoL or LSS.
 */
export function socialDemoRecords(personnummer: ReadonlyMap<string, string>): CaseSystemRecords {
  const cohortCases = demoCohort.filter((child) => child.hasSocialCase);
  const known = <Row extends { childId: string }>(rows: Row[]) =>
    rows.flatMap(({ childId, ...row }) =>
      personnummer.has(childId) ? [{ ...row, personnummer: personnummer.get(childId)! }] : [],
    );
  const cases = known([
    {
      id: caseId(1),
      childId: c.alva.id,
      caseNumber: 'SOC-2025-0412',
      openedAt: at('2025-09-02T08:30:00Z'),
      ...eva,
    },
    {
      id: caseId(2),
      childId: c.elias.id,
      caseNumber: 'SOC-2024-1187',
      openedAt: at('2024-11-14T13:00:00Z'),
      ...mikael,
    },
    {
      id: caseId(3),
      childId: c.leo.id,
      caseNumber: 'SOC-2022-0203',
      openedAt: at('2022-02-10T09:00:00Z'),
      closedAt: at('2023-01-31T15:00:00Z'),
      ...eva,
    },
    {
      id: caseId(4),
      childId: c.leo.id,
      caseNumber: 'SOC-2026-0057',
      openedAt: at('2026-01-20T10:15:00Z'),
      ...eva,
    },
    {
      id: caseId(5),
      childId: c.juni.id,
      caseNumber: 'SOC-2026-0311',
      openedAt: at('2026-05-06T07:45:00Z'),
      ...mikael,
    },
    ...cohortCases.map((child) => ({
      id: caseId(100 + child.index),
      childId: child.id,
      caseNumber: `SOC-2026-${String(500 + child.index).padStart(4, '0')}`,
      openedAt: at(`2026-0${(child.index % 9) + 1}-1${child.index % 10}T09:00:00Z`),
      ...(child.index % 4 === 0 ? eva : mikael),
    })),
  ]);
  const caseIds = new Set(cases.map(({ id }) => id));
  const ofKnownCases = <Row extends { childId: string; caseId: string }>(rows: Row[]) =>
    rows.flatMap(({ childId: _childId, ...row }) => (caseIds.has(row.caseId) ? [row] : []));
  const investigations = ofKnownCases([
    {
      childId: c.alva.id,
      caseId: caseId(1),
      startedOn: date('2025-09-02'),
      completedOn: date('2025-12-15'),
      reason: 'Orosanmälan från skolan om hög frånvaro',
      assessment: 'Familjen behöver stöd i föräldraskapet; Alva behöver samordnade insatser.',
    },
    {
      childId: c.leo.id,
      caseId: caseId(4),
      startedOn: date('2026-01-20'),
      reason: 'Ansökan om stöd från vårdnadshavarna',
    },
    {
      childId: c.juni.id,
      caseId: caseId(5),
      startedOn: date('2026-05-06'),
      completedOn: date('2026-07-01'),
      reason: 'Orosanmälan från polisen',
      assessment: 'Juni behöver vård utanför hemmet.',
    },
    ...cohortCases.map((child) => ({
      childId: child.id,
      caseId: caseId(100 + child.index),
      startedOn: date(`2026-0${(child.index % 9) + 1}-1${child.index % 10}`),
      reason: 'Orosanmälan',
    })),
  ]);
  const interventions = ofKnownCases([
    {
      id: demoRecordIds.alvaParentingSupport,
      childId: c.alva.id,
      caseId: caseId(1),
      kind: 'Föräldraskapsstöd',
      legalBasis: 'SOL' as const,
      provision: '4 kap. 1 § SoL',
      decidedOn: date('2025-12-18'),
      startsOn: date('2026-01-08'),
      provider: 'Familjecentralen',
      decidedBy: 'Eva Sundberg',
      recordedAt: at('2025-12-18T10:00:00Z'),
    },
    {
      childId: c.leo.id,
      caseId: caseId(4),
      kind: 'Korttidsvistelse',
      legalBasis: 'LSS' as const,
      provision: '9 § 6 LSS',
      decidedOn: date('2026-03-02'),
      startsOn: date('2026-03-16'),
      endsOn: date('2027-03-15'),
      provider: 'Korttidshemmet Gläntan',
      decidedBy: 'Eva Sundberg',
      recordedAt: at('2026-03-02T10:00:00Z'),
    },
    ...cohortCases
      .filter((child) => child.index % 4 === 2)
      .map((child) => ({
        childId: child.id,
        caseId: caseId(100 + child.index),
        kind: 'Kontaktperson',
        legalBasis: 'SOL' as const,
        provision: '4 kap. 1 § SoL',
        decidedOn: date('2026-09-01'),
        startsOn: date('2026-09-15'),
        provider: 'Kommunens kontaktpersonverksamhet',
        decidedBy: 'Mikael Öst',
        recordedAt: at('2026-09-01T10:00:00Z'),
      })),
  ]);
  const placements = known([
    {
      childId: c.alva.id,
      kind: 'CONTACT_FAMILY',
      legalBasis: 'SOL' as const,
      startsOn: date('2026-02-01'),
      provider: 'Kontaktfamilj i Ekbacken',
    },
    {
      childId: c.juni.id,
      kind: 'EMERGENCY_HOME',
      legalBasis: 'SOL' as const,
      startsOn: date('2026-05-07'),
      endsOn: date('2026-07-01'),
      provider: 'Jourhemmet Björken',
    },
    {
      childId: c.juni.id,
      kind: 'FAMILY_HOME',
      legalBasis: 'SOL' as const,
      startsOn: date('2026-07-02'),
      provider: 'Familjehem i Sunnanby',
    },
    ...cohortCases
      .filter((child) => child.index % 7 === 0)
      .map((child) => ({
        childId: child.id,
        kind: 'HVB' as const,
        legalBasis: 'LVU' as const,
        startsOn: date('2026-06-01'),
        provider: 'HVB-hemmet Ljungen',
      })),
  ]);
  // The staff register: the demo's social worker, a colleague, and a family therapist at another unit.
  const { socialWorker } = demoStaff;
  const { subject, name, title, unit, email } = socialWorker;
  const staff: NonNullable<CaseSystemRecords['staff']> = [
    { subject, name, title, unit, email, phone: '010-123 45 67' },
    {
      subject: mikael.handlingOfficerId,
      name: mikael.handlingOfficer,
      title: 'socialsekreterare',
      unit: 'Barn och familj',
    },
    {
      subject: 'staff-social-3',
      name: 'Amir Haddou',
      title: 'familjebehandlare',
      unit: 'Familjebehandlingen',
      email: 'amir.haddou@socialtjansten.kommun.example',
    },
  ];
  return { cases, investigations, interventions, placements, staff };
}
