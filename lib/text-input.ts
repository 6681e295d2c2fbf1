import { BadUserInputError } from './errors.ts';

/** The longest free text any input field takes, unless it says otherwise. */
export const MAX_TEXT_LENGTH = 2_000;

/** Trimmed text that must not be blank, refused naming `field` otherwise. */
export function requiredText(value: string, field: string, max = MAX_TEXT_LENGTH): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new BadUserInputError(field, 'must not be empty');
  if (trimmed.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return trimmed;
}

/** Trimmed text, or null when absent or blank. */
export function optionalText(value: string | null | undefined, field: string, max = MAX_TEXT_LENGTH): string | null {
  return value == null || value.trim() === '' ? null : requiredText(value, field, max);
}

/** A list of required texts with at least one entry; each entry is named `field.i`. */
export function requiredTexts(values: readonly string[], field: string, what: string): string[] {
  if (values.length === 0) throw new BadUserInputError(field, `name at least one ${what}`);
  return values.map((value, i) => requiredText(value, `${field}.${i}`));
}

/** Every id at most once; a repeat is refused naming `field.i`. */
export function assertDistinct(ids: readonly string[], field: string): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new BadUserInputError(`${field}.${i}`, 'listed twice');
  });
}

/** Only the shape (something@domain.tld): whether the address reaches anyone is not knowable here. */
export function requiredEmail(value: string, field: string): string {
  const email = requiredText(value, field, 254);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadUserInputError(field, 'must be an e-mail address');
  return email;
}

export const optionalEmail = (value: string | null | undefined, field: string): string | null =>
  value == null || value.trim() === '' ? null : requiredEmail(value, field);
