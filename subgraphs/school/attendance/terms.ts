/**
 * School terms as the graph counts them: autumn (HT) 15 August to 20 December, spring (VT)
 * 8 January to 12 June, school days Monday to Friday. Municipalities' own calendars (holidays,
 * study days) are not known here, so percentages are against this standard calendar.
 */
export interface Term {
  code: string;
  start: Date;
  end: Date;
}

/** The scheduled time of one school day, in minutes. */
export const SCHOOL_DAY_MINUTES = 360;

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

export function termByCode(code: string): Term | null {
  const match = /^(HT|VT)(\d{4})$/.exec(code);
  if (!match) return null;
  const year = Number(match[2]);
  return match[1] === 'HT'
    ? { code, start: utc(year, 8, 15), end: utc(year, 12, 20) }
    : { code, start: utc(year, 1, 8), end: utc(year, 6, 12) };
}

/** The term a calendar date (YYYY-MM-DD) falls in, or the one that comes next in a holiday. */
export function termOn(localDate: string): Term {
  const [year, month] = localDate.split('-').map(Number);
  if (month >= 8) return termByCode(`HT${year}`)!;
  if (month === 1 && localDate < `${year}-01-08`) return termByCode(`VT${year}`)!;
  return termByCode(month <= 6 ? `VT${year}` : `HT${year}`)!;
}

export const isSchoolDay = (date: Date) => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;

/** School days in the term up to and including `until`. */
export function schoolDaysIn(term: Term, until: Date): number {
  let days = 0;
  for (let day = new Date(term.start); day <= term.end && day <= until; day = new Date(day.getTime() + 86_400_000)) {
    if (isSchoolDay(day)) days++;
  }
  return days;
}
