// Each rule of the double's formula engine, against the figure Excel gives (the sources are cited
// next to the code: values.ts, functions.ts, parser.ts, engine.ts).

import { describe, expect, it } from 'vitest';
import { Book, type SheetModel } from '../model';

/** A sheet S with `cells` (A1 → input) written as the add-in writes them; returns the value of `at`. */
function sheetWith(cells: Record<string, unknown>): { book: Book; s: SheetModel; at: (a1: string) => unknown } {
  const book = new Book();
  const s = book.addSheet('S');
  const pos = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65] as const;
  };
  for (const [a1, v] of Object.entries(cells)) s.write(...pos(a1), v, false);
  return { book, s, at: (a1: string) => s.valueAt(...pos(a1)) };
}

const calc = (formula: string, cells: Record<string, unknown> = {}) => sheetWith({ ...cells, Z1: formula }).at('Z1');

describe('arithmetic operands', () => {
  it('an empty cell is 0, TRUE and FALSE are 1 and 0', () => {
    expect(calc('=A1+5')).toBe(5);
    expect(calc('=A1*3+B1', { A1: true, B1: false })).toBe(3);
  });
  it('numeric text converts; other text, and "" from a formula, give #VALUE!', () => {
    expect(calc('=A1+1', { A1: ' 2.5 ' })).toBe(3.5);
    expect(calc('=A1*2', { A1: '5%' })).toBe(0.1);
    expect(calc('=A1+1', { A1: '$7' })).toBe(8);
    expect(calc('=A1+1', { A1: 'abc' })).toBe('#VALUE!');
    expect(calc('=A1+1', { A1: '=""' })).toBe('#VALUE!');
    expect(calc('="3"+"4"')).toBe(7);
  });
  it('a date typed as text is refused (Excel would convert it to a serial number)', () => {
    expect(() => calc('=A1+1', { A1: '2026-11-30' })).toThrow(/S!Z1: .*date/);
  });
  it('errors propagate, the left one first; x/0 is #DIV/0!', () => {
    expect(calc('=1/0')).toBe('#DIV/0!');
    expect(calc('=A1/B1', { A1: 1 })).toBe('#DIV/0!');
    expect(calc('=A1+B1', { A1: '=1/0', B1: '=#N/A' })).toBe('#DIV/0!');
    expect(calc('="a"+A1', { A1: '=#N/A' })).toBe('#N/A');
    expect(calc('=A1', { A1: '=#REF!' })).toBe('#REF!');
  });
  it('an unknown name is #NAME?', () => {
    expect(calc('=Harbor+1')).toBe('#NAME?');
  });
  it('=A1 of an empty cell shows 0', () => {
    expect(calc('=A1')).toBe(0);
  });
});

describe('operators', () => {
  it('negation binds tighter than ^, ^ goes left to right, % before ^', () => {
    expect(calc('=-2^2')).toBe(4);
    expect(calc('=0-2^2')).toBe(-4);
    expect(calc('=2^3^2')).toBe(64);
    expect(calc('=2*3+4*5')).toBe(26);
    expect(calc('=(2+3)*4')).toBe(20);
    expect(calc('=10-4-3')).toBe(3);
    expect(calc('=50%')).toBe(0.5);
    expect(calc('=200*10%')).toBe(20);
  });
  it('& joins text; numbers and logicals as Excel writes them', () => {
    expect(calc('="a"&A1&TRUE&B1', { A1: 1.5 })).toBe('a1.5TRUE');
    expect(calc('=1+2&"x"')).toBe('3x');
  });
  it('comparisons: numbers < text < logicals, text ignores case, empty is 0 or ""', () => {
    expect(calc('=1<"a"')).toBe(true);
    expect(calc('="z"<TRUE')).toBe(true);
    expect(calc('=FALSE<TRUE')).toBe(true);
    expect(calc('="abc"="ABC"')).toBe(true);
    expect(calc('=A1=0')).toBe(true);
    expect(calc('=A1=""')).toBe(true);
    expect(calc('=A1<>1')).toBe(true);
    expect(calc('=0.1+0.2=0.3')).toBe(true);
  });
  it('text is not ordered with < > <= >= (Excel sorts text by its own collation, not by character code); = and <> stay', () => {
    expect(() => calc('="b">"A"')).toThrow(/S!Z1: .*ordering text.*">"/);
    expect(() => calc('=A1<=B1', { A1: 'a_b', B1: 'aB' })).toThrow(/ordering text.*"<="/);
    expect(() => calc('="a"<"B"')).toThrow(/ordering text/);
    expect(() => calc('="a">="b"')).toThrow(/ordering text/);
    expect(calc('="abc"<>"ABD"')).toBe(true);
    expect(calc('="abc"="ABC"')).toBe(true);
    expect(calc('="abc"<="ABC"')).toBe(true); // equal text is equal in any collation
    expect(calc('=A1<"a"')).toBe(true); // an empty cell is "", before any text
  });
  it('a result too large for a number is #NUM!, as in Excel, not ±Infinity', () => {
    expect(calc('=1E300*1E300')).toBe('#NUM!');
    expect(calc('=-1E300*1E300')).toBe('#NUM!');
    expect(calc('=1E300/1E-300')).toBe('#NUM!');
    expect(calc('=1.7E308+1.7E308')).toBe('#NUM!');
    expect(calc('=-1.7E308-1.7E308')).toBe('#NUM!');
    expect(calc('=1E300*1E300=0')).toBe('#NUM!');
  });
  it('an addition landing next to zero is 0, as Excel corrects it; elsewhere the double is kept', () => {
    expect(calc('=A1-B1', { A1: 0.3, B1: '=0.1+0.2' })).toBe(0);
    expect(calc('=0.1+0.2')).toBe(0.30000000000000004);
  });
});

describe('functions', () => {
  it('SUM counts only numbers in references and ranges; typed arguments convert', () => {
    const cells = { A1: 1, A2: 'abc', A3: true, A4: '5', B1: 10 };
    expect(calc('=SUM(A1:A5)', cells)).toBe(1);
    expect(calc('=SUM(A1,A2,A3,A4)', cells)).toBe(1);
    expect(calc('=SUM(A1:A4,B1)', cells)).toBe(11);
    expect(calc('=SUM("5",TRUE,2)')).toBe(8);
    expect(calc('=SUM("x",1)')).toBe('#VALUE!');
    expect(calc('=SUM(A1:A2)', { A1: 1, A2: '=1/0' })).toBe('#DIV/0!');
  });
  it('MAX and MIN: only numbers of ranges, 0 when there are none', () => {
    const cells = { A1: -3, A2: 'abc', A3: true, A4: -1 };
    expect(calc('=MAX(A1:A4)', cells)).toBe(-1);
    expect(calc('=MIN(A1:A4)', cells)).toBe(-3);
    expect(calc('=MAX(A2:A3)', cells)).toBe(0);
    expect(calc('=MAX(A1,TRUE)', cells)).toBe(1);
    expect(calc('=MAX(A1-5,0)', cells)).toBe(0);
  });
  it("ROUND: half away from zero, on the 15 digits Excel keeps (Microsoft's ROUND examples)", () => {
    expect(calc('=ROUND(2.15,1)')).toBe(2.2);
    expect(calc('=ROUND(2.149,1)')).toBe(2.1);
    expect(calc('=ROUND(-1.475,2)')).toBe(-1.48);
    expect(calc('=ROUND(21.5,-1)')).toBe(20);
    expect(calc('=ROUND(626.3,-3)')).toBe(1000);
    expect(calc('=ROUND(1.98,-1)')).toBe(0);
    expect(calc('=ROUND(-50.55,-2)')).toBe(-100);
    expect(calc('=ROUND(2.5,0)')).toBe(3);
    expect(calc('=ROUND(-2.5,0)')).toBe(-3);
    expect(calc('=ROUND(0.5,0)')).toBe(1);
    expect(calc('=ROUND(2.675,2)')).toBe(2.68);
    expect(calc('=ROUND(12.345*100,0)')).toBe(1235);
    expect(calc('=ROUND(A1,0)', { A1: 'x' })).toBe('#VALUE!');
  });
  it('IF: only the branch taken is computed; text as the test is #VALUE!; a missing else is FALSE', () => {
    expect(calc('=IF(A1=0,0,B1/A1)', { B1: 5 })).toBe(0);
    expect(calc('=IF(A1=0,"",ROUND(B1/A1,4))', { A1: 3, B1: 1 })).toBe(0.3333);
    expect(calc('=IF(A1,1,2)', { A1: 'yes' })).toBe('#VALUE!');
    expect(calc('=IF(A1,1,2)')).toBe(2);
    expect(calc('=IF(0,1)')).toBe(false);
    expect(calc('=IF(A1,1,2)', { A1: '=1/0' })).toBe('#DIV/0!');
    expect(calc('=IF(1,A1,2)')).toBe(0);
  });
  it('SUMIFS sums the rows whose criteria cells equal the word, ignoring case; shapes must match', () => {
    const cells = { A1: 1, A2: 2, A3: 4, A4: 8, B1: 'line', B2: 'subtotal', B3: 'LINE', B4: 'line', A5: 'x', B5: 'line' };
    expect(calc('=SUMIFS(A1:A5,B1:B5,"line")', cells)).toBe(13);
    expect(calc('=SUMIFS(A1:A5,B1:B4,"line")', cells)).toBe('#VALUE!');
    expect(calc('=SUMIFS(A1:A2,B1:B2,"line")', { A1: '=1/0', B1: 'line', A2: 2, B2: 'x' })).toBe('#DIV/0!');
    expect(calc('=SUMIFS(A1:A2,B1:B2,"line")', { A1: '=1/0', B1: 'other', A2: 2, B2: 'line' })).toBe(2);
    expect(() => calc('=SUMIFS(A1:A2,B1:B2,">1")', cells)).toThrow(/criterion ">1" is not modelled/);
    expect(() => calc('=SUMIFS(A1:A2,B1:B2,"line")', { A1: true, B1: 'line' })).toThrow(/logical TRUE/);
    expect(calc('=SUMIFS(A1:A2,B1:B2,"line")', { A1: true, B1: 'other' })).toBe(0);
  });
});

describe('what the engine refuses, at the write', () => {
  it('a function it does not implement, naming it and the cell', () => {
    expect(() => calc('=VLOOKUP(A1,B1:C3,2)')).toThrow(/S!Z1 =VLOOKUP\(A1,B1:C3,2\): the function VLOOKUP is not implemented/);
    const { s } = sheetWith({});
    expect(() => s.write(0, 0, '=sumproduct(A2:A3)', false)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(s.cell(0, 0).formula).toBeNull(); // nothing was written
  });
  it('syntax it does not model: ranges outside functions, whole columns, empty arguments, bad syntax', () => {
    expect(() => calc('=A1:A3+1')).toThrow(/range outside a function argument/);
    expect(() => calc('=SUM(A:A)')).toThrow(/whole-column/);
    expect(() => calc('=ROUND(A1,)')).toThrow(/empty argument/);
    expect(() => calc('=1+')).toThrow(/InvalidArgument|unexpected/);
    expect(() => calc('=A1 B1')).toThrow(/two operands/);
    expect(() => calc('=SUMIFS(1,B1:B2,"line")')).toThrow(/must be a range/);
  });
  it('text in a text-formatted cell is never a formula', () => {
    const { s, at } = sheetWith({});
    s.mutate(0, 0, (c) => (c.numberFormat = '@'));
    s.write(0, 0, '=VLOOKUP(1)', false);
    expect(at('A1')).toBe('=VLOOKUP(1)');
  });
});

describe('circular references', () => {
  it('Excel warns and shows 0; the double fails the read naming the loop', () => {
    const { at } = sheetWith({ A1: '=B1+1', B1: '=C1', C1: '=A1*2', D1: 5 });
    expect(() => at('A1')).toThrow(/circular reference: S!A1 → S!B1 → S!C1 → S!A1/);
    expect(at('D1')).toBe(5);
  });
  it('a cell that refers to itself', () => {
    expect(() => calc('=SUM(Z1,1)')).toThrow(/circular reference: S!Z1 → S!Z1/);
  });
});

describe('recalculation', () => {
  it('a value read after a write sees the write; a cell from another sheet too', () => {
    const { book, s, at } = sheetWith({ A1: 2, B1: '=A1*10' });
    expect(at('B1')).toBe(20);
    s.write(0, 0, 3, false);
    expect(at('B1')).toBe(30);
    const t = book.addSheet('Other sheet');
    t.write(0, 0, "=SUM('S'!A1:B1)+S!A1", false);
    expect(t.valueAt(0, 0)).toBe(36);
    s.write(0, 0, 1, false);
    expect(t.valueAt(0, 0)).toBe(12);
  });
  it('a formula naming a sheet that does not exist is #REF! until the sheet is added', () => {
    const { book, at } = sheetWith({ A1: "='Later'!B2+1" });
    expect(at('A1')).toBe('#REF!');
    book.addSheet('Later').write(1, 1, 4, false);
    expect(at('A1')).toBe(5);
  });
});

describe('ranges with a $ end and a relative end', () => {
  // One tree serves every row with the same formula shape; a range is still taken by its
  // top-left and bottom-right corners wherever its ends point from the row computing it.
  const column = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`A${i + 1}`, i + 1]));
  it('=SUM($A$5:A1) then =SUM($A$5:A11): each sums its own rows', () => {
    const { at } = sheetWith({ ...column, B1: '=SUM($A$5:A1)', B11: '=SUM($A$5:A11)' });
    expect(at('B1')).toBe(15);
    expect(at('B11')).toBe(56);
  });
  it('=SUM($A$5:A11) then =SUM($A$5:A1), written and read in that order', () => {
    const { at } = sheetWith({ ...column, B11: '=SUM($A$5:A11)', B1: '=SUM($A$5:A1)' });
    expect(at('B11')).toBe(56);
    expect(at('B1')).toBe(15);
  });
  it('the same for columns: =SUM($C$1:A1) read from A2 and from F2', () => {
    const { at } = sheetWith({ A1: 1, B1: 2, C1: 4, D1: 8, E1: 16, A2: '=SUM($C$1:A1)', F2: '=SUM($C$1:F1)' });
    expect(at('A2')).toBe(7);
    expect(at('F2')).toBe(28);
  });
});
