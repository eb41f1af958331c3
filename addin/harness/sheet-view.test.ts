// The harness grid's reading of the in-memory workbook: layout (hidden rows/columns, frozen
// header, sizes) and the windowing that keeps a 5,000-line sheet fast.
import { describe, expect, it } from 'vitest';
import { Book } from '../src/workbook-double/model';
import { cellView, layoutOf, visibleWindow } from './sheet-view';

function sheetWithRows(n: number) {
  const book = new Book();
  const sheet = book.addSheet('G703 #1');
  for (let r = 0; r < n; r++) sheet.write(r, 0, `item ${r}`, false);
  sheet.write(0, 3, 1234.5, false);
  sheet.mutate(0, 3, (c) => {
    c.numberFormat = '#,##0.00;(#,##0.00)';
  });
  sheet.write(1, 3, '=D1*2', false);
  return { book, sheet };
}

describe('layoutOf', () => {
  it('leaves out hidden rows and columns and splits frozen rows from the scrolling ones', () => {
    const { sheet } = sheetWithRows(50);
    sheet.frozenRows = 7;
    sheet.hiddenCols.add(1);
    sheet.hiddenRows.add(20);
    sheet.colWidths.set(0, 96); // points → 128 px
    const layout = layoutOf(sheet);
    expect(layout.columns.map((c) => c.letter).slice(0, 3)).toEqual(['A', 'C', 'D']);
    expect(layout.columns[0]).toMatchObject({ width: 128, left: 0 });
    expect(layout.frozen.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layout.frozen[6]!.isHeader).toBe(true);
    expect(layout.rows.some((r) => r.index === 20)).toBe(false);
    expect(layout.hiddenRowCount).toBe(1);
    expect(layout.rows[0]).toMatchObject({ index: 7, top: 0, height: 20 });
  });

  it('shows computed formulas and money through the cell’s number format', () => {
    const { sheet } = sheetWithRows(3);
    expect(cellView(sheet, new Map(), 0, 3).text).toBe('1,234.50');
    expect(cellView(sheet, new Map(), 1, 3)).toMatchObject({ text: '2469', formula: '=D1*2', isNumber: true });
    expect(cellView(sheet, new Map([['A1', 'bad']]), 0, 0).note).toBe('bad');
  });
});

describe('visibleWindow', () => {
  it('finds the rows in view of 5,000 with a binary search, plus overscan', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ index: i + 7, height: 20, top: i * 20, outline: 0 }));
    expect(visibleWindow(rows, 0, 600)).toEqual([0, 38]);
    expect(visibleWindow(rows, 50_000, 600)).toEqual([2492, 2538]);
    expect(visibleWindow(rows, 99_990, 600)).toEqual([4991, 4999]);
    expect(visibleWindow([], 0, 600)).toEqual([0, -1]);
  });
});
