/** Whole years from dateOfBirth to `on` (UTC calendar dates). */
export function ageOn(dateOfBirth: Date, on: Date): number {
  const hadBirthday =
    on.getUTCMonth() > dateOfBirth.getUTCMonth() ||
    (on.getUTCMonth() === dateOfBirth.getUTCMonth() && on.getUTCDate() >= dateOfBirth.getUTCDate());
  return on.getUTCFullYear() - dateOfBirth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

/** From 15 a child can consent on their own. */
export const OWN_CONSENT_AGE = 15;

/** Whether a child of this birth date speaks for themselves at `at`: consents, withdraws, sees and signs their plan. */
export const speaksForThemselves = (dateOfBirth: Date, at: Date): boolean => ageOn(dateOfBirth, at) >= OWN_CONSENT_AGE;
