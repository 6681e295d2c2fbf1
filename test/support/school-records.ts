import {
  toSs12000Data,
  type AbsenceRecord,
  type EnrolmentRecord,
} from '../../subgraphs/school/ss12000/student-records.ts';
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
  const sip = graph.subgraphs.sip.prisma as unknown as {
    child: { findMany(args: object): Promise<Array<{ id: string; personnummer: string }>> };
  };
  const children = await sip.child.findMany({
    where: { id: { in: students.map(({ childId }) => childId) } },
    select: { id: true, personnummer: true },
  });
  const personnummer = new Map(children.map(({ id, personnummer }) => [id, personnummer]));
  await graph.standIns.school!.load(
    toSs12000Data(students.map((student) => ({ ...student, personnummer: personnummer.get(student.childId)! }))),
  );
}
