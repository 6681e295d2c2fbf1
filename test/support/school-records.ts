import {
  toSs12000Data,
  type AbsenceRecord,
  type EnrolmentRecord,
} from '../../subgraphs/school/ss12000/student-records.ts';
import { childPersonnummer } from './child-personnummer.ts';
import type { TestGraph } from './test-graph.ts';

/**
 * Writes children's student records into the graph's SS 12000 stand-in (the school's student
 * information system), as it holds them: their enrolments and absence, the student being the
 * child's personnummer from the SIP core.
 */
export async function writeStudentRecords(
  graph: Pick<TestGraph, 'standIns' | 'subgraphs'>,
  students: Array<{ childId: string; enrolments: EnrolmentRecord[]; absences?: AbsenceRecord[] }>,
): Promise<void> {
  const personnummer = await childPersonnummer(
    graph,
    students.map(({ childId }) => childId),
  );
  await graph.standIns.school!.load(
    toSs12000Data(students.map((student) => ({ ...student, personnummer: personnummer.get(student.childId)! }))),
  );
}
