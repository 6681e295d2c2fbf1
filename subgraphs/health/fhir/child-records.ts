import type { Patient, Reference, Resource } from '@medplum/fhirtypes';
import { MAX_CHILDREN_PER_ASK, type ChildIdentities } from '../../../lib/subgraph/child-identities.ts';
import type { FhirClient } from './fhir-client.ts';

/** The Swedish personnummer's identifier system (Skatteverket's OID), as HL7 Sweden's base profiles name it. */
export const PERSONNUMMER_SYSTEM = 'urn:oid:1.2.752.129.2.1.3.1';

/** Children per search (POSTed, so no URL limits it): as many as the identity bridge maps at once. */
export const CHILDREN_PER_SEARCH = MAX_CHILDREN_PER_ASK;

export interface ChildRecordSearch<T extends Resource> {
  resourceType: T['resourceType'];
  /** The record's reference to its patient (`subject` on most resources, `patient` on EpisodeOfCare). */
  patientOf(resource: T): Reference | undefined;
  /** Narrows the search (dates, status); the adapter checks every match again itself. */
  params?: Record<string, string | string[]>;
}

export interface ChildRecord<T> {
  childId: string;
  resource: T;
}

/** `Patient/<id>`, from a relative or an absolute reference. */
export const patientKey = (reference: Reference | undefined) =>
  (reference?.reference ?? '').split('/').slice(-2).join('/');

/** The personnummer of each patient a search included, by `Patient/<id>`. */
export function personnummerByPatient(included: Resource[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const patient of included.filter((resource): resource is Patient => resource.resourceType === 'Patient')) {
    const number = patient.identifier?.find((identifier) => identifier.system === PERSONNUMMER_SYSTEM)?.value;
    if (number && patient.id) found.set(`Patient/${patient.id}`, number);
  }
  return found;
}

/**
 * Every record of one kind for many children, in one search (up to a thousand children): the identity
 * bridge gives their personnummer, the search is chained on the patient's identifier
 * (`patient.identifier=<system>|<pnr>,…`) and includes the patients, whose identifiers map each
 * record back to its child. A record whose patient is not among those asked about is dropped, never
 * guessed at.
 */
export async function searchChildRecords<T extends Resource>(
  services: { source: FhirClient; childIdentities: ChildIdentities },
  childIds: readonly string[],
  search: ChildRecordSearch<T>,
): Promise<Array<ChildRecord<T>>> {
  const personnummer = await services.childIdentities.personnummerOf(childIds);
  const childOf = new Map([...personnummer].map(([childId, number]) => [number, childId]));
  const numbers = [...childOf.keys()];
  const slices = Array.from({ length: Math.ceil(numbers.length / CHILDREN_PER_SEARCH) }, (_, i) =>
    numbers.slice(i * CHILDREN_PER_SEARCH, (i + 1) * CHILDREN_PER_SEARCH),
  );
  const results = await Promise.all(
    slices.map((slice) => {
      const params = new URLSearchParams();
      params.set('patient.identifier', slice.map((number) => `${PERSONNUMMER_SYSTEM}|${number}`).join(','));
      params.set('_include', `${search.resourceType}:patient`);
      for (const [name, values] of Object.entries(search.params ?? {}))
        for (const value of [values].flat()) params.append(name, value);
      return services.source.search<T>(search.resourceType, params);
    }),
  );
  const records: Array<ChildRecord<T>> = [];
  for (const { matches, included } of results) {
    const patients = personnummerByPatient(included);
    for (const resource of matches) {
      const childId = childOf.get(patients.get(patientKey(search.patientOf(resource))) ?? '');
      if (childId) records.push({ childId, resource });
    }
  }
  return records;
}
