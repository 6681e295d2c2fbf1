import type { Resource } from '@medplum/fhirtypes';
import { standInPatient, standInPatientId } from '../../standins/fhir/patients.ts';
import { childPersonnummer } from './child-personnummer.ts';
import type { TestGraph } from './test-graph.ts';

/**
 * Writes children's care records into the graph's FHIR server (the health stand-in), as the
 * region's journal system holds them: `records` gets each child's patient id there. The patient
 * is the child's personnummer from the SIP core.
 */
export async function writeCareRecords(
  graph: Pick<TestGraph, 'standIns' | 'subgraphs'>,
  childIds: string[],
  records: (patientId: string, childId: string, index: number) => Resource[],
): Promise<void> {
  const personnummer = await childPersonnummer(graph, childIds);
  await graph.standIns.health!.load(
    childIds.flatMap((childId, index) => [
      standInPatient(childId, personnummer.get(childId)!),
      ...records(standInPatientId(childId), childId, index),
    ]),
  );
}
