import type { Patient } from '@medplum/fhirtypes';
import { uuidFrom } from '../../lib/uuid.ts';
import { toPatient } from '../../subgraphs/health/fhir/care-resources.ts';

/**
 * The stand-in journal system's own id for the patient who is the graph's child `childId`: fixed,
 * so the demo and a test can write a child's records in any order. A region's system has ids of its
 * own; the adapter never relies on them, only on the personnummer.
 */
export const standInPatientId = (childId: string) => uuidFrom(`patient|${childId}`);

export const standInPatient = (childId: string, personnummer: string, name = { given: '', family: '' }): Patient =>
  toPatient(standInPatientId(childId), personnummer, name);
