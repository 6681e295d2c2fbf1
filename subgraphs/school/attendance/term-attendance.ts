import type { AbsenceReasonCode } from '../ss12000/student-records.ts';
import { AbsenceByReason, AbsenceReason, TermAttendance } from './absence.type.ts';

/** Minutes of absence of one kind: reported absence, granted leave, or invalid absence summed by the school. */
export interface AbsenceMinutes {
  minutes: number;
  reason: AbsenceReasonCode;
}
import { SCHOOL_DAY_MINUTES, schoolDaysIn, type Term } from './terms.ts';

/** A child's attendance in `term` up to `today`, from their absences in it. */
export function termAttendance(term: Term, absences: readonly AbsenceMinutes[], today: Date): TermAttendance {
  const schoolDays = schoolDaysIn(term, today);
  const absentMinutes = absences.reduce((sum, a) => sum + a.minutes, 0);
  const byReason = new Map<AbsenceReasonCode, number>();
  for (const a of absences) byReason.set(a.reason, (byReason.get(a.reason) ?? 0) + a.minutes);
  return Object.assign(new TermAttendance(), {
    term: term.code,
    schoolDays,
    absentMinutes,
    invalidAbsentMinutes: absences
      .filter((a) => a.reason === AbsenceReason.UNREPORTED)
      .reduce((sum, a) => sum + a.minutes, 0),
    absencePercent: schoolDays === 0 ? 0 : Math.round((1000 * absentMinutes) / (schoolDays * SCHOOL_DAY_MINUTES)) / 10,
    byReason: [...byReason]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, minutes]) => Object.assign(new AbsenceByReason(), { reason, minutes })),
  });
}
