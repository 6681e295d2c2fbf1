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

/** At 18 a person is of age: the guardians' say ends, and the young person decides alone. */
export const AGE_OF_MAJORITY = 18;

/**
 * Whether the young person is of age at `at` (föräldrabalken 6 kap. 2 §: custody lasts until 18).
 * From that day the consents their guardians gave stop counting, and the guardians no longer see
 * the SIP, the consents or the access log on the young person's behalf.
 */
export const isOfAge = (dateOfBirth: Date, at: Date): boolean => ageOn(dateOfBirth, at) >= AGE_OF_MAJORITY;
