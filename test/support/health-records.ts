import type { Resource } from '@medplum/fhirtypes';
import { standInPatient, standInPatientId } from '../../standins/fhir/patients.ts';
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
  const sip = graph.subgraphs.sip.prisma as unknown as {
    child: { findMany(args: object): Promise<Array<{ id: string; personnummer: string }>> };
  };
  const children = await sip.child.findMany({
    where: { id: { in: childIds } },
    select: { id: true, personnummer: true },
  });
  const personnummer = new Map(children.map(({ id, personnummer }) => [id, personnummer]));
  await graph.standIns.health!.load(
    childIds.flatMap((childId, index) => [
      standInPatient(childId, personnummer.get(childId)!),
      ...records(standInPatientId(childId), childId, index),
    ]),
  );
}
