import type { EpisodeOfCare } from '@medplum/fhirtypes';
import type { UnitContactCheck } from '../../lib/subgraph/unit-contact.ts';
import { searchChildRecords } from './fhir/child-records.ts';
import { fromEpisodeOfCare } from './fhir/care-resources.ts';
import type { FhirClient } from './fhir/fhir-client.ts';

/** Health care's contact with a child: an episode of care in force today at the staff member's care unit. */
export const careUnitInContact: UnitContactCheck<null, FhirClient> = async (services, childId, staff, today) => {
  const episodes = await searchChildRecords<EpisodeOfCare>(services, [childId], {
    resourceType: 'EpisodeOfCare',
    patientOf: (episode) => episode.patient,
  });
  return episodes
    .map(({ resource }) => fromEpisodeOfCare(resource))
    .some(
      (episode) =>
        episode.unitName === staff.unit &&
        episode.startDate <= today &&
        (episode.endDate === null || episode.endDate >= today),
    );
};
