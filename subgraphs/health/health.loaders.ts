import type {
  Condition,
  Encounter,
  EpisodeOfCare,
  MedicationStatement,
  Procedure,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import DataLoader from 'dataloader';
import { swedishToday } from '../../lib/periods.ts';
import type { SubgraphServices } from '../../lib/subgraph/subgraph-definition.ts';
import { searchChildRecords } from './fhir/child-records.ts';
import {
  fromCondition,
  fromEncounter,
  fromEpisodeOfCare,
  fromMedicationStatement,
  fromProcedure,
  fromServiceRequest,
} from './fhir/care-resources.ts';
import type { FhirClient } from './fhir/fhir-client.ts';
import { fhirTimeline, timelineSource } from './fhir/fhir-timeline.ts';

export type HealthServices = SubgraphServices<null, FhirClient>;

const subject = (resource: Resource) => (resource as { subject?: { reference?: string } }).subject;
const treatmentRow = (treatment: ReturnType<typeof fromMedicationStatement | typeof fromProcedure>) => ({
  ...treatment,
  at: treatment.startsOn,
  until: treatment.endsOn,
});

/** Per request: each loader asks the FHIR server once per fetch, whatever the number of children. */
export function createHealthLoaders(services: HealthServices) {
  const { clock } = services;
  return {
    /** Contacts in force today (in Sweden), longest-standing first. */
    currentCareContactsByChildId: new DataLoader(async (childIds: readonly string[]) => {
      const today = swedishToday(clock());
      const records = await searchChildRecords<EpisodeOfCare>(services, childIds, {
        resourceType: 'EpisodeOfCare',
        patientOf: (episode) => episode.patient,
      });
      const contacts = records
        .map(({ childId, resource }) => ({ ...fromEpisodeOfCare(resource), childId }))
        .filter((contact) => contact.startDate <= today && (contact.endDate === null || contact.endDate >= today))
        .sort((a, b) => a.startDate.getTime() - b.startDate.getTime() || a.id.localeCompare(b.id));
      return childIds.map((childId) => contacts.filter((contact) => contact.childId === childId));
    }),
    careVisits: fhirTimeline(
      services,
      timelineSource({ resourceType: 'Encounter', patientOf: subject, dateParam: 'date' }, (encounter: Encounter) => {
        const visit = fromEncounter(encounter);
        return { ...visit, at: visit.date };
      }),
    ),
    diagnoses: fhirTimeline(
      services,
      timelineSource({ resourceType: 'Condition', patientOf: subject, dateParam: 'recorded-date' }, (c: Condition) => {
        const diagnosis = fromCondition(c);
        return { ...diagnosis, at: diagnosis.diagnosedOn };
      }),
    ),
    // Medications and therapies on one timeline; each is a period, kept while it overlaps the window.
    treatments: fhirTimeline(
      services,
      timelineSource({ resourceType: 'MedicationStatement', patientOf: subject }, (statement: MedicationStatement) =>
        treatmentRow(fromMedicationStatement(statement)),
      ),
      timelineSource({ resourceType: 'Procedure', patientOf: subject }, (procedure: Procedure) =>
        treatmentRow(fromProcedure(procedure)),
      ),
    ),
    referrals: fhirTimeline(
      services,
      timelineSource(
        { resourceType: 'ServiceRequest', patientOf: subject, dateParam: 'authored' },
        (r: ServiceRequest) => {
          const referral = fromServiceRequest(r);
          return { ...referral, at: referral.sentOn };
        },
      ),
    ),
  };
}
