import { describe, expect, it } from 'vitest';
import { formatCell } from './cell-format';
import { parseTsv, toTsv } from './tsv';

describe('parseTsv', () => {
  it('reads rows and tabs, ignoring the trailing newline Excel adds', () => {
    expect(parseTsv('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('12,34x\r\n-\r\n5')).toEqual([['12,34x'], ['-'], ['5']]);
  });
  it('unquotes cells holding tabs, newlines and quotes, and pads short rows', () => {
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"x\ny"')).toEqual([
      ['a\tb', 'say "hi"'],
      ['x\ny', ''],
    ]);
  });
  it('round-trips with toTsv', () => {
    const block = [
      ['a\tb', '1'],
      ['"q"', ''],
    ];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});

describe('formatCell', () => {
  it('shows money through cents with parentheses for negatives', () => {
    expect(formatCell(1234.5, '#,##0.00;(#,##0.00)')).toBe('1,234.50');
    expect(formatCell(-0.01, '#,##0.00;(#,##0.00)')).toBe('(0.01)');
    expect(formatCell(0.1 + 0.2, '#,##0.00;(#,##0.00)')).toBe('0.30');
  });
  it('shows quantities, percents and text', () => {
    expect(formatCell(120.5, '#,##0.00##;(#,##0.00##)')).toBe('120.50');
    expect(formatCell(0.31172, '0.00%')).toBe('31.17%');
    expect(formatCell('12,34x', '#,##0.00;(#,##0.00)')).toBe('12,34x');
  });
  it('shows a date number as the day (46,477 days after 1899-12-30 is 2027-03-31)', () => {
    expect(formatCell(46_477, 'yyyy-mm-dd')).toBe('2027-03-31');
    expect(formatCell(46_477, 'General')).toBe('46477');
  });
});
