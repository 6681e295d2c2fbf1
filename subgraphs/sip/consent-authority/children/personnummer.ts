/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer,
 * day of birth + 60). Accepted forms: YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC
 * ('+' marks a person aged 100 or more). Stored as 12 digits.
 */
export interface Personnummer {
  /** 12 digits, YYYYMMDDNNNC. */
  digits: string;
  dateOfBirth: Date;
  isCoordinationNumber: boolean;
}

export type PersonnummerProblem = 'format' | 'date' | 'checkDigit';

export const PERSONNUMMER_PROBLEM_TEXT: Record<PersonnummerProblem, string> = {
  format: 'must be YYYYMMDD-NNNN or YYMMDD-NNNN',
  date: 'does not contain a valid date of birth',
  checkDigit: 'check digit (Luhn) does not match',
};

/** The Luhn check digit for the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let value = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

function fullYear(twoDigitYear: number, separator: string, today: Date): number {
  // The short form names the most recent century in which the person is under 100 ('-') or over ('+').
  const currentYear = today.getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + twoDigitYear;
  if (year > currentYear) year -= 100;
  return separator === '+' ? year - 100 : year;
}

export function parsePersonnummer(input: string, today: Date = new Date()): Personnummer | PersonnummerProblem {
  const match = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/.exec(input.trim());
  if (!match) return 'format';
  const [, century, yy, mm, dd, separator, serial, check] = match;
  if (century === undefined && separator === '') return 'format';
  if (century !== undefined && separator === '+') return 'format';
  const year = century !== undefined ? Number(century + yy) : fullYear(Number(yy), separator, today);
  const isCoordinationNumber = Number(dd) > 60;
  const day = isCoordinationNumber ? Number(dd) - 60 : Number(dd);
  const dateOfBirth = new Date(Date.UTC(year, Number(mm) - 1, day));
  if (
    dateOfBirth.getUTCFullYear() !== year ||
    dateOfBirth.getUTCMonth() !== Number(mm) - 1 ||
    dateOfBirth.getUTCDate() !== day ||
    dateOfBirth > today
  ) {
    return 'date';
  }
  if (luhnCheckDigit(yy + mm + dd + serial) !== Number(check)) return 'checkDigit';
  return { digits: `${year}${mm}${dd}${serial}${check}`, dateOfBirth, isCoordinationNumber };
}

/** YYYYMMDD-NNNC, the form people read. */
export function formatPersonnummer(digits: string): string {
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}
