import type { PractitionerRole } from '@medplum/fhirtypes';
import type { StaffDirectory } from '../../lib/subgraph/staff-directory.ts';
import type { FhirClient } from './fhir/fhir-client.ts';
import { fromPractitionerRole, HSA_ID_SYSTEM } from './fhir/practitioner-roles.ts';

/**
 * Health care's catalogue: the region's active practitioner roles (HSA in FHIR). A search by
 * subject asks for that HSA-id; by unit or name, the roles are read and matched here, since FHIR's
 * own search on a referenced unit's name is not one every server answers.
 */
export const practitionerRoles: StaffDirectory<null, FhirClient> = async ({ source }, { subject }) => {
  const params = new URLSearchParams({ active: 'true', _count: '200' });
  if (subject) params.set('identifier', `${HSA_ID_SYSTEM}|${subject}`);
  const { matches } = await source.search<PractitionerRole>('PractitionerRole', params);
  return matches.flatMap((role) => fromPractitionerRole(role) ?? []);
};
