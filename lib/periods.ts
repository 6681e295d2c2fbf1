/**
 * A Prisma filter for records with a `startDate` and an optional `endDate` (both inclusive
 * calendar dates) that are in force on `day`.
 */
export const inForceOn = (day: Date) => ({ startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] });

/** A stored calendar date (midnight UTC) as the `LocalDate` scalar reads it: YYYY-MM-DD. */
export const toLocalDate = (date: Date): string => date.toISOString().slice(0, 10);
