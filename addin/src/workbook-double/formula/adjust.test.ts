// References follow rows and columns inserted or deleted, renamed and deleted sheets (adjust.ts),
// and the formula text is printed again only when a reference moved.

import { describe, expect, it } from 'vitest';
import { Book } from '../model';
import { shiftFormulaRows } from '../user-actions';

/** Sheet "G703 #3" with numbers 1..10 in A1:A10, and `formulas` (A1 → formula) on sheet F. */
function book(formulas: Record<string, string>, onData: Record<string, string> = {}) {
  const b = new Book();
  const data = b.addSheet('G703 #3');
  for (let r = 0; r < 10; r++) data.write(r, 0, r + 1, false);
  const f = b.addSheet('F');
  const pos = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65] as const;
  };
  for (const [a1, v] of Object.entries(formulas)) f.write(...pos(a1), v, false);
  for (const [a1, v] of Object.entries(onData)) data.write(...pos(a1), v, false);
  return {
    b,
    data,
    f,
    formula: (a1: string, s = f) => s.cell(...pos(a1)).formula,
    value: (a1: string, s = f) => s.valueAt(...pos(a1)),
  };
}

const Q = "'G703 #3'";

describe('rows inserted', () => {
  it('inside a range: it grows; at its first row: it moves; just below it: nothing changes', () => {
    const t = book({ A1: `=SUM(${Q}!A3:A5)`, A2: `=SUM(${Q}!A3:A5)`, A3: `=SUM(${Q}!A3:A5)` });
    expect(t.value('A1')).toBe(12);
    t.b.shiftRows(t.data, 3, 2); // before row 4 (inside)
    expect(t.formula('A1')).toBe(`=SUM(${Q}!A3:A7)`);
    expect(t.value('A1')).toBe(12);
    t.b.shiftRows(t.data, 2, 1); // before row 3, the range's first row
    expect(t.formula('A1')).toBe(`=SUM(${Q}!A4:A8)`);
    t.b.shiftRows(t.data, 8, 1); // before row 9, just below the range
    expect(t.formula('A1')).toBe(`=SUM(${Q}!A4:A8)`);
    expect(t.value('A1')).toBe(12);
  });
  it("on the formula's own sheet: the formula moves with its row and its references with theirs", () => {
    const t = book({ C2: '=A1*2', C5: '=$C$2+C4' });
    t.f.write(0, 0, 7, false);
    t.f.write(3, 2, 1, false);
    t.b.shiftRows(t.f, 2, 1); // a row before row 3
    expect(t.formula('C2')).toBe('=A1*2'); // nothing it names moved: text as written
    expect(t.formula('C6')).toBe('=$C$2+C5');
    expect(t.value('C6')).toBe(15);
  });
  it('a formula whose references did not move keeps its text exactly as written', () => {
    const t = book({ A1: `=sum( ${Q}!A1:A2 ) + 1` });
    t.b.shiftRows(t.data, 5, 1);
    expect(t.formula('A1')).toBe(`=sum( ${Q}!A1:A2 ) + 1`);
    t.b.shiftRows(t.data, 0, 1);
    expect(t.formula('A1')).toBe(`=SUM(${Q}!A2:A3)+1`); // printed in Excel's form once it moved
  });
});

describe('rows deleted', () => {
  it('a deleted cell becomes #REF!; a range loses its deleted rows; a range wholly deleted is #REF!', () => {
    const t = book({ A1: `=${Q}!A4+1`, A2: `=SUM(${Q}!A3:A6)`, A3: `=SUM(${Q}!A4:A5)`, A4: `=${Q}!A9`, A5: `=SUM(${Q}!A5:A8)`, A6: `=SUM(${Q}!A2:A4)` });
    t.b.shiftRows(t.data, 3, -2); // rows 4 and 5
    expect(t.formula('A1')).toBe(`=${Q}!#REF!+1`);
    expect(t.value('A1')).toBe('#REF!');
    expect(t.formula('A2')).toBe(`=SUM(${Q}!A3:A4)`);
    expect(t.value('A2')).toBe(3 + 6);
    expect(t.formula('A3')).toBe(`=SUM(${Q}!#REF!)`);
    expect(t.value('A3')).toBe('#REF!');
    expect(t.formula('A4')).toBe(`=${Q}!A7`);
    expect(t.value('A4')).toBe(9);
    expect(t.formula('A5')).toBe(`=SUM(${Q}!A4:A6)`); // first rows deleted: starts at the first row left
    expect(t.value('A5')).toBe(6 + 7 + 8);
    expect(t.formula('A6')).toBe(`=SUM(${Q}!A2:A3)`); // last rows deleted: ends at the last row left
    expect(t.value('A6')).toBe(2 + 3);
  });
  it("on the same sheet: #REF! without a sheet name; the formula's own row deleted takes it away", () => {
    const t = book({}, { B1: '=A2+A3', B4: '=A4*2' });
    t.b.shiftRows(t.data, 1, -1);
    expect(t.formula('B1', t.data)).toBe('=#REF!+A2');
    t.b.shiftRows(t.data, 2, -1);
    expect(t.data.cell(2, 1).formula).toBeNull();
  });
});

describe('columns inserted', () => {
  it('references at and right of the column move; a range across it grows', () => {
    const t = book({}, { D1: '=SUM(A1:C1)', E1: '=B1+C1', F1: '=$A$1+A1' });
    t.b.shiftColumns(t.data, 1, 1); // before column B
    expect(t.formula('E1', t.data)).toBe('=SUM(A1:D1)');
    expect(t.formula('F1', t.data)).toBe('=C1+D1');
    expect(t.formula('G1', t.data)).toBe('=$A$1+A1');
  });
});

describe('sheets renamed and deleted', () => {
  it('a rename rewrites every formula naming the sheet, quoting the new name only when needed', () => {
    const t = book({ A1: `=SUM(${Q}!A1:A3)`, A2: `='g703 #3'!A2*2`, A3: '=1+1' });
    t.b.renameSheet(t.data, 'Continuation');
    expect(t.formula('A1')).toBe('=SUM(Continuation!A1:A3)');
    expect(t.formula('A2')).toBe('=Continuation!A2*2');
    expect(t.formula('A3')).toBe('=1+1');
    expect(t.value('A1')).toBe(6);
    t.b.renameSheet(t.data, "Bob's 2026");
    expect(t.formula('A1')).toBe("=SUM('Bob''s 2026'!A1:A3)");
    t.b.renameSheet(t.data, 'A1');
    expect(t.formula('A2')).toBe("='A1'!A2*2");
    t.b.renameSheet(t.data, '2026');
    expect(t.formula('A2')).toBe("='2026'!A2*2");
    expect(t.value('A2')).toBe(4);
  });
  it('a deleted sheet leaves #REF! in the formulas that named it, also once a sheet of that name is back', () => {
    const t = book({ A1: `=SUM(${Q}!A1:A3)+1`, A2: `=${Q}!B2` });
    t.b.removeSheet(t.data);
    expect(t.formula('A1')).toBe('=SUM(#REF!A1:A3)+1');
    expect(t.formula('A2')).toBe('=#REF!B2');
    expect(t.value('A1')).toBe('#REF!');
    t.b.addSheet('G703 #3').write(0, 0, 1, false);
    expect(t.value('A1')).toBe('#REF!');
  });
});

describe('formulas moved by a sort or a fill', () => {
  it('relative rows move, absolute rows and quoted names stay', () => {
    expect(shiftFormulaRows("=SUM('G703 #3'!E8:E9)+$A$1+B2", 2)).toBe("=SUM('G703 #3'!E10:E11)+$A$1+B4");
    expect(shiftFormulaRows('=A$1+A2&"B2"', 3)).toBe('=A$1+A5&"B2"');
    expect(shiftFormulaRows('=A3*10', -2)).toBe('=A1*10');
    expect(shiftFormulaRows('=A3*10', -3)).toBe('=#REF!*10');
  });
});
