import { describe, expect, it } from 'vitest';
import { csvCell } from '../../console/src/csv-cells.ts';

describe('a cell of the console’s CSV export', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+46 8 123 456', "'+46 8 123 456"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tdolt', "'\tdolt"],
  ])('keeps a spreadsheet from reading %j as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('neutralises a formula first and then quotes it when it needs quoting', () => {
    expect(csvCell('=HYPERLINK("https://example.org","klicka")')).toBe(
      `"'=HYPERLINK(""https://example.org"",""klicka"")"`,
    );
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('-1;2')).toBe(`"'-1;2"`);
  });

  it.each([
    ['', ''],
    ['Vårdcentralen Norr', 'Vårdcentralen Norr'],
    ['20120314-9826', '20120314-9826'],
    ['2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z'],
    ['a = b', 'a = b'],
    ["'redan citerad", "'redan citerad"],
    ['Lindqvist, Alva', '"Lindqvist, Alva"'],
    ['ett; två', '"ett; två"'],
    ['säger "hej"', '"säger ""hej"""'],
    ['två\nrader', '"två\nrader"'],
    ['två\r\nrader', '"två\r\nrader"'],
  ])('writes the ordinary value %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
