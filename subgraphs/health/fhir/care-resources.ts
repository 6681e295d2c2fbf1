import { calendarDayOf, toLocalDate } from '../../../lib/periods.ts';
import { uuidFrom } from '../../../lib/uuid.ts';
import type {
  Bundle,
  Condition,
  Encounter,
  EpisodeOfCare,
  MedicationStatement,
  Organization,
  Patient,
  Procedure,
  Reference,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { PERSONNUMMER_SYSTEM } from './child-records.ts';

/**
 * How the graph's health records are written in FHIR R4, both ways: the adapter reads them from
 * these resources, and the demo, the tests and `recordCareVisit` write them so. A region maps its
 * own journal system's profile to these in one place: here.
 *
 * - care contact (vårdkontakt with a unit) → EpisodeOfCare: `managingOrganization.display` the
 *   unit, `type` its kind, `period`
 * - care visit → Encounter: `period.start`, `serviceProvider.display` the unit, `serviceType` its
 *   kind, `type` how the child met it (in person, phone, video), `participant.type.text` the profession
 * - diagnosis → Condition: ICD-10-SE in `code`, `recordedDate`, `recorder.display` the unit
 * - medication → MedicationStatement: `medicationCodeableConcept.text`, `dosage.text`,
 *   `effectivePeriod`, `informationSource.display` the unit
 * - therapy and other treatment → Procedure: `code.text`, `category` (therapy or other),
 *   `performedPeriod`, `performer.actor.display` the unit
 * - referral (remiss) → ServiceRequest: `authoredOn`, `requester.display` and `performer.display`
 *   the units, `reasonCode.text`; `status` and `intent` its state (see `referralStatus`)
 */
export const ICD_10_SE = 'http://hl7.org/fhir/sid/icd-10-se';
/** The graph's own code systems, where Swedish care has no national one the graph could use. */
export const CARE_UNIT_KIND = 'urn:sip-graph:care-unit-kind';
export const VISIT_MODE = 'urn:sip-graph:visit-mode';
export const TREATMENT_KIND = 'urn:sip-graph:treatment-kind';

export type CareUnitKind = 'BUP' | 'HABILITERING' | 'VARDCENTRAL' | 'PAEDIATRICS';
export type VisitModeCode = 'IN_PERSON' | 'PHONE' | 'VIDEO';
export type TreatmentKindCode = 'MEDICATION' | 'THERAPY' | 'OTHER';
export type ReferralStatusCode = 'SENT' | 'ACCEPTED' | 'DECLINED' | 'COMPLETED';

export interface CareUnit {
  unitName: string;
  unitType: CareUnitKind;
}

/** A care unit's Organization id, derived from its name, so every writer names the same one. */
export const organizationId = (unitName: string) => uuidFrom(`care unit|${unitName}`);

const unit = <T extends Resource = Organization>(name: string): Reference<T> => ({
  reference: `Organization/${organizationId(name)}`,
  display: name,
});

export const toOrganization = (unitName: string): Organization => ({
  resourceType: 'Organization',
  id: organizationId(unitName),
  active: true,
  name: unitName,
});

const unitsReferenced = (resource: Resource): string[] =>
  JSON.stringify(resource)
    .match(/"reference":"Organization\/[^"]+","display":"[^"]+"/g)
    ?.map((match) => JSON.parse(`{${match}}`).display as string) ?? [];

/**
 * One FHIR transaction that writes `resources` (by id where they have one) and the care units they
 * refer to: how the demo and the tests fill the stand-in, as a journal system would hold them.
 */
export function transactionOf(resources: Resource[]): Bundle {
  const units = [...new Set(resources.flatMap(unitsReferenced))].map(toOrganization);
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [...units, ...resources].map((resource) => ({
      resource,
      request: resource.id
        ? { method: 'PUT', url: `${resource.resourceType}/${resource.id}` }
        : { method: 'POST', url: resource.resourceType },
    })),
  };
}
const codeIn = (system: string, codings: Array<{ system?: string; code?: string }> | undefined) =>
  codings?.find((coding) => coding.system === system)?.code;
const patient = <T extends Resource = Patient>(id: string): Reference<T> => ({ reference: `Patient/${id}` });

export const toPatient = (id: string, personnummer: string, name: { given: string; family: string }): Patient => ({
  resourceType: 'Patient',
  id,
  identifier: [{ system: PERSONNUMMER_SYSTEM, value: personnummer }],
  name: [{ given: [name.given], family: name.family }],
});

export const toEpisodeOfCare = (
  id: string | undefined,
  patientId: string,
  care: CareUnit & { startDate: Date; endDate?: Date | null },
): EpisodeOfCare => ({
  resourceType: 'EpisodeOfCare',
  ...(id && { id }),
  status: care.endDate ? 'finished' : 'active',
  type: [{ coding: [{ system: CARE_UNIT_KIND, code: care.unitType }] }],
  patient: patient(patientId),
  managingOrganization: unit(care.unitName),
  period: { start: toLocalDate(care.startDate), ...(care.endDate && { end: toLocalDate(care.endDate) }) },
});

export const fromEpisodeOfCare = (episode: EpisodeOfCare) => ({
  id: episode.id!,
  unitName: episode.managingOrganization?.display ?? '',
  unitType: codeIn(CARE_UNIT_KIND, episode.type?.[0]?.coding) as CareUnitKind,
  startDate: calendarDayOf(episode.period?.start)!,
  endDate: calendarDayOf(episode.period?.end),
});

export const toEncounter = (
  id: string | undefined,
  patientId: string,
  visit: CareUnit & { date: Date; mode: VisitModeCode; profession: string; episodeId?: string },
): Encounter => ({
  resourceType: 'Encounter',
  ...(id && { id }),
  status: 'finished',
  class: {
    system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    code: visit.mode === 'IN_PERSON' ? 'AMB' : 'VR',
  },
  type: [{ coding: [{ system: VISIT_MODE, code: visit.mode }] }],
  serviceType: { coding: [{ system: CARE_UNIT_KIND, code: visit.unitType }] },
  subject: patient(patientId),
  ...(visit.episodeId && { episodeOfCare: [{ reference: `EpisodeOfCare/${visit.episodeId}` }] }),
  participant: [{ type: [{ text: visit.profession }] }],
  serviceProvider: unit(visit.unitName),
  period: { start: toLocalDate(visit.date) },
});

export const fromEncounter = (encounter: Encounter) => ({
  id: encounter.id!,
  date: calendarDayOf(encounter.period?.start)!,
  unitName: encounter.serviceProvider?.display ?? '',
  unitType: codeIn(CARE_UNIT_KIND, encounter.serviceType?.coding) as CareUnitKind,
  mode: (codeIn(VISIT_MODE, encounter.type?.[0]?.coding) ?? 'IN_PERSON') as VisitModeCode,
  profession: encounter.participant?.[0]?.type?.[0]?.text ?? '',
});

export const toCondition = (
  id: string | undefined,
  patientId: string,
  diagnosis: { code: string; text: string; diagnosedOn: Date; unitName: string },
): Condition => ({
  resourceType: 'Condition',
  ...(id && { id }),
  code: { coding: [{ system: ICD_10_SE, code: diagnosis.code, display: diagnosis.text }], text: diagnosis.text },
  subject: patient(patientId),
  recordedDate: toLocalDate(diagnosis.diagnosedOn),
  recorder: unit(diagnosis.unitName),
});

export const fromCondition = (condition: Condition) => {
  const coding = condition.code?.coding?.find(({ system }) => system === ICD_10_SE);
  return {
    id: condition.id!,
    code: coding?.code ?? '',
    text: coding?.display ?? condition.code?.text ?? '',
    diagnosedOn: calendarDayOf(condition.recordedDate)!,
    unitName: condition.recorder?.display ?? '',
  };
};

export interface TreatmentRecord {
  kind: TreatmentKindCode;
  name: string;
  dosage: string | null;
  startsOn: Date;
  endsOn?: Date | null;
  unitName: string;
}

const period = (treatment: TreatmentRecord) => ({
  start: toLocalDate(treatment.startsOn),
  ...(treatment.endsOn && { end: toLocalDate(treatment.endsOn) }),
});

/** A medication as a MedicationStatement; a therapy or other treatment as a Procedure. */
export const toTreatmentResource = (
  id: string | undefined,
  patientId: string,
  treatment: TreatmentRecord,
): MedicationStatement | Procedure =>
  treatment.kind === 'MEDICATION'
    ? {
        resourceType: 'MedicationStatement',
        ...(id && { id }),
        status: treatment.endsOn ? 'completed' : 'active',
        medicationCodeableConcept: { text: treatment.name },
        subject: patient(patientId),
        effectivePeriod: period(treatment),
        ...(treatment.dosage && { dosage: [{ text: treatment.dosage }] }),
        informationSource: unit(treatment.unitName),
      }
    : {
        resourceType: 'Procedure',
        ...(id && { id }),
        status: treatment.endsOn ? 'completed' : 'in-progress',
        category: { coding: [{ system: TREATMENT_KIND, code: treatment.kind }] },
        code: { text: treatment.name },
        subject: patient(patientId),
        performedPeriod: period(treatment),
        performer: [{ actor: unit(treatment.unitName) }],
      };

export const fromMedicationStatement = (statement: MedicationStatement) => ({
  id: statement.id!,
  kind: 'MEDICATION' as const,
  name: statement.medicationCodeableConcept?.text ?? '',
  dosage: statement.dosage?.[0]?.text ?? null,
  startsOn: calendarDayOf(statement.effectivePeriod?.start ?? statement.effectiveDateTime)!,
  endsOn: calendarDayOf(statement.effectivePeriod?.end),
  unitName: statement.informationSource?.display ?? '',
});

export const fromProcedure = (procedure: Procedure) => ({
  id: procedure.id!,
  kind: (codeIn(TREATMENT_KIND, procedure.category?.coding) ?? 'OTHER') as TreatmentKindCode,
  name: procedure.code?.text ?? '',
  dosage: null,
  startsOn: calendarDayOf(procedure.performedPeriod?.start ?? procedure.performedDateTime)!,
  endsOn: calendarDayOf(procedure.performedPeriod?.end),
  unitName: procedure.performer?.[0]?.actor?.display ?? '',
});

/**
 * A referral's state in ServiceRequest terms: sent as a proposal, an order once the receiving
 * unit accepted it, revoked when declined, completed when done.
 */
const REFERRAL_STATES: Record<ReferralStatusCode, Pick<ServiceRequest, 'status' | 'intent'>> = {
  SENT: { status: 'active', intent: 'proposal' },
  ACCEPTED: { status: 'active', intent: 'order' },
  DECLINED: { status: 'revoked', intent: 'proposal' },
  COMPLETED: { status: 'completed', intent: 'order' },
};

export const referralStatus = ({ status, intent }: Pick<ServiceRequest, 'status' | 'intent'>): ReferralStatusCode =>
  status === 'completed'
    ? 'COMPLETED'
    : status === 'revoked'
      ? 'DECLINED'
      : intent === 'proposal'
        ? 'SENT'
        : 'ACCEPTED';

export const toServiceRequest = (
  id: string | undefined,
  patientId: string,
  referral: { fromUnit: string; toUnit: string; sentOn: Date; reason: string; status: ReferralStatusCode },
): ServiceRequest => ({
  resourceType: 'ServiceRequest',
  ...(id && { id }),
  ...REFERRAL_STATES[referral.status],
  subject: patient(patientId),
  authoredOn: toLocalDate(referral.sentOn),
  requester: unit(referral.fromUnit),
  performer: [unit(referral.toUnit)],
  reasonCode: [{ text: referral.reason }],
});

export const fromServiceRequest = (request: ServiceRequest) => ({
  id: request.id!,
  fromUnit: request.requester?.display ?? '',
  toUnit: request.performer?.[0]?.display ?? '',
  sentOn: calendarDayOf(request.authoredOn)!,
  reason: request.reasonCode?.[0]?.text ?? '',
  status: referralStatus(request),
});
