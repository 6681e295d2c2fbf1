/** A calendar date, YYYY-MM-DD, as it is stored: midnight UTC. */
export const calendarDay = (localDate: string): Date => new Date(`${localDate}T00:00:00Z`);

/** The calendar day of an agency system's date or date-time (its date part, as the system wrote it), or null. */
export const calendarDayOf = (value: string | undefined): Date | null =>
  value ? calendarDay(value.slice(0, 10)) : null;

/** A stored calendar date (midnight UTC) as the `LocalDate` scalar reads it: YYYY-MM-DD. */
export const toLocalDate = (date: Date): string => date.toISOString().slice(0, 10);

const swedishCalendar = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Sweden at `instant`, YYYY-MM-DD: what "today" means to a user of the graph. */
export const swedishDate = (instant: Date): string => swedishCalendar.format(instant);

const swedishClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
});

/** The time of day in Sweden at `instant`, HH:MM. */
export const swedishTimeOfDay = (instant: Date): string => swedishClock.format(instant);

/** Today in Sweden at `instant`, as a stored calendar date. */
export const swedishToday = (instant: Date): Date => calendarDay(swedishDate(instant));

const DAY_MS = 86_400_000;

/** `days` whole days (24 hours each) after `instant`. */
export const daysAfter = (instant: Date, days: number): Date => new Date(instant.getTime() + days * DAY_MS);

/** Whole days (24 hours each, rounded down) from `from` to `to`: how long something has waited. */
export const wholeDaysBetween = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
