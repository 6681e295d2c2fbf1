import { describe, expect, it } from 'vitest';
import {
  formatPersonnummer,
  luhnCheckDigit,
  parsePersonnummer,
} from '../../subgraphs/sip/consent-authority/children/personnummer.ts';

const today = new Date('2026-11-23T00:00:00Z');

describe('personnummer', () => {
  it('computes the Luhn check digit over YYMMDDNNN', () => {
    expect(luhnCheckDigit('811218987')).toBe(6); // 811218-9876, the textbook example
    expect(luhnCheckDigit('120314982')).toBe(6);
  });

  it.each([
    ['20120314-9826', '201203149826'],
    ['201203149826', '201203149826'],
    ['120314-9826', '201203149826'],
    ['120314+9826', '191203149826'],
  ])('reads %s as %s', (input, digits) => {
    expect(parsePersonnummer(input, today)).toMatchObject({ digits, isCoordinationNumber: false });
  });

  it('reads the date of birth, including a coordination number (day + 60)', () => {
    expect(parsePersonnummer('20120314-9826', today)).toMatchObject({ dateOfBirth: new Date('2012-03-14T00:00:00Z') });
    const coordination = `20120374-982${luhnCheckDigit('120374982')}`;
    expect(parsePersonnummer(coordination, today)).toMatchObject({
      isCoordinationNumber: true,
      dateOfBirth: new Date('2012-03-14T00:00:00Z'),
    });
  });

  it.each([
    ['20120314-9827', 'checkDigit'],
    ['20120230-9826', 'date'],
    ['20121314-9826', 'date'],
    ['20300101-9800', 'date'], // not born yet
    ['1203149826', 'format'], // 10 digits need a separator
    ['20120314+9826', 'format'],
    ['2012-03-14', 'format'],
    ['', 'format'],
  ])('rejects %s (%s)', (input, problem) => {
    expect(parsePersonnummer(input, today)).toBe(problem);
  });

  it('formats 12 digits as YYYYMMDD-NNNN', () => {
    expect(formatPersonnummer('201203149826')).toBe('20120314-9826');
  });
});
