import type { SourceSystem } from '../../../lib/source/source-system.ts';
import { createFhirClient, FHIR_LABEL, type FhirClient } from './fhir-client.ts';

/** The region's FHIR R4 server: HEALTH_FHIR_URL (its base URL) and HEALTH_FHIR_TOKEN. */
export const fhirSource: SourceSystem<FhirClient> = {
  label: FHIR_LABEL,
  variable: 'FHIR',
  connect: (location) => createFhirClient(location),
  check: (client) => client.capabilities(),
};
