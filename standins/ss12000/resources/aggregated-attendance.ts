import type { Router } from 'express';
import type { AggregatedAttendance } from '../../../subgraphs/school/ss12000/resources.ts';
import { badParameter } from '../errors.ts';
import { pageOf, readListQuery } from '../paging.ts';
import { date, equalsAnyOf, queryValues, single, uuid } from '../query-filters.ts';
import type { AnswerLimits } from '../resource-endpoints.ts';
import type { Ss12000Store } from '../store.ts';

const PATH = 'aggregatedAttendance';
const SUMS = [
  'attendanceSum',
  'validAbsenceSum',
  'invalidAbsenceSum',
  'otherAttendanceSum',
  'reportedSum',
  'offeredSum',
] as const;

/** One record per student and activity: the sums of the records that lie inside `[startDate, endDate]`. */
function aggregate(records: readonly AggregatedAttendance[], startDate: string, endDate: string) {
  const byKey = new Map<string, AggregatedAttendance>();
  for (const record of records) {
    const key = `${record.student.id}/${record.activity.id}`;
    const sum = byKey.get(key) ?? {
      activity: { id: record.activity.id },
      student: { id: record.student.id },
      startDate,
      endDate,
      attendanceSum: 0,
    };
    for (const field of SUMS)
      if (record[field] !== undefined) sum[field] = (sum[field] ?? 0) + (record[field] as number);
    byKey.set(key, sum);
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, sum]) => sum);
}

/**
 * `GET /aggregatedAttendance?startDate=…&endDate=…[&student=…]`: attendance summed over the period
 * asked about. `student` repeats for several students. The stand-in serves neither `organisation`,
 * `schoolType` nor `expand` (it holds no activities): they answer 400.
 */
export function serveAggregatedAttendance(router: Router, store: Ss12000Store, limits: AnswerLimits): void {
  router.get(`/${PATH}`, (req, res) => {
    const query = readListQuery(PATH, queryValues(req.query), ['startDate', 'endDate', 'student']);
    const { startDate, endDate, student } = query.values;
    if (!startDate || !endDate) throw badParameter('startDate and endDate are required');
    const from = date.parse(single(startDate, 'startDate'), 'startDate');
    const to = date.parse(single(endDate, 'endDate'), 'endDate');
    const ofStudent = student ? equalsAnyOf(uuid, (r: AggregatedAttendance) => r.student.id)(student, 'student') : null;
    const inside = store
      .attendance()
      .filter(
        (record) =>
          date.parse(record.startDate, 'startDate') >= from &&
          date.parse(record.endDate, 'endDate') <= to &&
          (!ofStudent || ofStudent(record)),
      );
    const sums = aggregate(inside, startDate[0], endDate[0]);
    const page = pageOf(PATH, sums, (sum) => `${sum.student.id}/${sum.activity.id}`, query, limits.maxPageSize);
    res.json(page);
  });
}
