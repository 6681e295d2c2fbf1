import type { Absence as AbsenceRow } from '../../../prisma/school/client/client.ts';
import { AbsenceByReason, TermAttendance } from './absence.type.ts';
import { SCHOOL_DAY_MINUTES, schoolDaysIn, type Term } from './terms.ts';

/** A child's attendance in `term` up to `today`, from their absences in it. */
export function termAttendance(term: Term, absences: readonly AbsenceRow[], today: Date): TermAttendance {
  const schoolDays = schoolDaysIn(term, today);
  const absentMinutes = absences.reduce((sum, a) => sum + a.minutes, 0);
  const byReason = new Map<AbsenceRow['reason'], number>();
  for (const a of absences) byReason.set(a.reason, (byReason.get(a.reason) ?? 0) + a.minutes);
  return Object.assign(new TermAttendance(), {
    term: term.code,
    schoolDays,
    absentMinutes,
    invalidAbsentMinutes: absences.filter((a) => !a.valid).reduce((sum, a) => sum + a.minutes, 0),
    absencePercent: schoolDays === 0 ? 0 : Math.round((1000 * absentMinutes) / (schoolDays * SCHOOL_DAY_MINUTES)) / 10,
    byReason: [...byReason]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, minutes]) => Object.assign(new AbsenceByReason(), { reason, minutes })),
  });
}
