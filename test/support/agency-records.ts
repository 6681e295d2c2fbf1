import {
  toCondition,
  toEncounter,
  toEpisodeOfCare,
  toServiceRequest,
  toTreatmentResource,
} from '../../subgraphs/health/fhir/care-resources.ts';
import { writeCaseRecords } from './case-records.ts';
import { writeCareRecords } from './health-records.ts';
import { writeStudentRecords } from './school-records.ts';
import type { TestGraph } from './test-graph.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The school unit test children attend, and the care unit they are in contact with. */
export const TEST_SCHOOL = { schoolName: 'Ekbackens skola', schoolUnitCode: '49999999' };
export const TEST_CARE_UNIT = 'BUP Norra';

/**
 * Gives each child one record in every information category, written straight into each agency's
 * own system (the SIS, the case system, the FHIR server, the school's own records), as each holds
 * them. All dated in autumn term 2026.
 */
export async function recordsInEveryCategory(graph: TestGraph, childIds: string[]): Promise<void> {
  const { school } = graph.subgraphs as Record<string, { prisma: any }>;
  const caseId = (i: number) => `77777777-0000-4000-9000-${String(i).padStart(12, '0')}`;
  const contactId = (i: number) => `88888888-0000-4000-9000-${String(i).padStart(12, '0')}`;
  const each = <T>(row: (childId: string, i: number) => T) => childIds.map((childId, i) => row(childId, i));
  const start = date('2026-08-17');
  await writeStudentRecords(
    graph,
    childIds.map((childId) => ({
      childId,
      enrolments: [{ ...TEST_SCHOOL, className: '7T', grade: 7, mentor: 'Test Mentor', startDate: start }],
      absences: [{ date: date('2026-09-07'), minutes: 360, reason: 'REPORTED' }],
    })),
  );
  await school.prisma.extraAdaptation.createMany({
    data: each((childId) => ({ childId, description: 'Anpassning', startsOn: start, decidedBy: 'Test Mentor' })),
  });
  await school.prisma.actionProgramme.createMany({
    data: each((childId) => ({
      childId,
      decidedOn: start,
      needs: 'Behov',
      measures: 'Åtgärder',
      evaluateOn: date('2026-12-01'),
      decidedBy: 'Rektor',
    })),
  });
  await school.prisma.studentHealthContact.createMany({
    data: each((childId) => ({
      childId,
      date: date('2026-09-01'),
      profession: 'SCHOOL_NURSE',
      purpose: 'Hälsosamtal',
    })),
  });
  await writeCaseRecords(graph, childIds, (personnummer, childId, i) => ({
    cases: [
      {
        id: caseId(i),
        personnummer,
        caseNumber: `SOC-T-${childId}`,
        openedAt: start,
        handlingOfficer: 'Test Handläggare',
      },
    ],
    investigations: [{ caseId: caseId(i), startedOn: start, reason: 'Orosanmälan' }],
    interventions: [
      {
        caseId: caseId(i),
        kind: 'Kontaktperson',
        legalBasis: 'SOL',
        provision: '4 kap. 1 § SoL',
        decidedOn: start,
        startsOn: start,
        provider: 'Kommunen',
        decidedBy: 'Test',
        recordedAt: start,
      },
    ],
    placements: [
      { personnummer, kind: 'CONTACT_FAMILY', legalBasis: 'SOL', startsOn: start, provider: 'Kontaktfamilj' },
    ],
  }));
  await writeCareRecords(graph, childIds, (patientId, _childId, i) => [
    toEpisodeOfCare(contactId(i), patientId, {
      unitName: TEST_CARE_UNIT,
      unitType: 'BUP',
      startDate: date('2026-01-01'),
    }),
    toEncounter(undefined, patientId, {
      unitName: TEST_CARE_UNIT,
      unitType: 'BUP',
      date: date('2026-09-10'),
      mode: 'IN_PERSON',
      profession: 'läkare',
      episodeId: contactId(i),
    }),
    toCondition(undefined, patientId, {
      code: 'F90.0',
      text: 'ADHD',
      diagnosedOn: date('2026-03-01'),
      unitName: TEST_CARE_UNIT,
    }),
    toTreatmentResource(undefined, patientId, {
      kind: 'MEDICATION',
      name: 'Metylfenidat',
      dosage: '18 mg',
      startsOn: date('2026-04-01'),
      unitName: TEST_CARE_UNIT,
    }),
    toServiceRequest(undefined, patientId, {
      fromUnit: 'Vårdcentralen',
      toUnit: TEST_CARE_UNIT,
      sentOn: date('2026-02-01'),
      reason: 'Utredning',
      status: 'COMPLETED',
    }),
  ]);
}

/** Every field an agency adds to `Child`, with the one consent scope it is released under. */
export const AGENCY_FIELDS = {
  'schoolPlacement { schoolName mentor }': 'SCHOOL_ENROLMENT',
  'absences { nodes { date } }': 'SCHOOL_ATTENDANCE',
  'attendance(term: "HT2026") { absentMinutes }': 'SCHOOL_ATTENDANCE',
  'extraAdaptations { nodes { description } }': 'SCHOOL_SUPPORT',
  'actionProgrammes { nodes { measures } }': 'SCHOOL_SUPPORT',
  'studentHealthContacts { nodes { profession } }': 'SCHOOL_HEALTH_TEAM',
  'openSocialCase { caseNumber }': 'SOCIAL_CASE',
  'socialInvestigations { nodes { reason } }': 'SOCIAL_CASE_NOTES',
  'socialInterventions { nodes { kind legalBasis } }': 'SOCIAL_INTERVENTIONS',
  'placements { nodes { kind } }': 'SOCIAL_PLACEMENTS',
  'careContacts { unitName }': 'HEALTH_CARE_CONTACTS',
  'careVisits { nodes { date } }': 'HEALTH_CARE_CONTACTS',
  'diagnoses { nodes { code } }': 'HEALTH_DIAGNOSES',
  'treatments { nodes { name } }': 'HEALTH_MEDICATION',
  'referrals { nodes { toUnit } }': 'HEALTH_REFERRALS',
} as const;

export const ALL_AGENCY_FIELDS = Object.keys(AGENCY_FIELDS).join('\n');

/** The response key of a field selection: its name, before any arguments or sub-selection. */
export const fieldName = (selection: string) => selection.split(/[ ({]/)[0];
