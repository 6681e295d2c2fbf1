/** Whole years from dateOfBirth to `on` (UTC calendar dates). */
export function ageOn(dateOfBirth: Date, on: Date): number {
  const hadBirthday =
    on.getUTCMonth() > dateOfBirth.getUTCMonth() ||
    (on.getUTCMonth() === dateOfBirth.getUTCMonth() && on.getUTCDate() >= dateOfBirth.getUTCDate());
  return on.getUTCFullYear() - dateOfBirth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

/** From 15 a child can consent on their own. */
export const OWN_CONSENT_AGE = 15;
