// A1 parsing, cell comparison, computed-cell → cents, chunk planning, grid diff, write-back plan.

import { describe, expect, it } from 'vitest';
import { cellA1, columnIndex, columnLetter, parseA1, parseAreas, rangeA1 } from './a1';
import { planRowChunks } from './chunks';
import { diffGrid } from './diff';
import { computedCellToCents, sameCell } from './units';
import { planG703 } from './layout';
import { planWriteBack } from './write-back';
import { largeView } from '../workbook-double/demo-views';
import { ROW_SLACK, touchedRows } from './read';
import { matchLines } from './view-options';

describe('A1 addresses', () => {
  it('letters ↔ indexes, including past Z', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });
  it('parses cells, ranges, sheet-qualified, whole columns and several areas', () => {
    expect(parseA1('B2:D9')).toEqual({ sheet: null, start: { row: 1, col: 1 }, end: { row: 8, col: 3 } });
    expect(parseA1("'G703 #3'!$E$8")).toEqual({ sheet: 'G703 #3', start: { row: 7, col: 4 }, end: { row: 7, col: 4 } });
    expect(parseA1("'O''Brien'!A1").sheet).toBe("O'Brien");
    expect(parseA1('C:C').end.row).toBe(1_048_575);
    expect(parseAreas('A1:B2, D4').map((a) => a.start)).toEqual([
      { row: 0, col: 0 },
      { row: 3, col: 3 },
    ]);
    expect(rangeA1(7, 4, 7, 4)).toBe('E8');
    expect(cellA1(0, 27)).toBe('AB1');
    expect(() => parseA1('nonsense')).toThrow();
  });
});

describe('cells and money', () => {
  it('sameCell: numbers by value, text trimmed, empty = empty', () => {
    expect(sameCell(6234.45, 6234.45)).toBe(true);
    expect(sameCell('', null)).toBe(true);
    expect(sameCell(' x ', 'x')).toBe(true);
    expect(sameCell(0, '')).toBe(false);
    expect(sameCell('12', 12)).toBe(false);
  });
  it('computed cells → cents without float × 100, float noise dropped', () => {
    expect(computedCellToCents(24897.170000000002)).toBe(2_489_717);
    expect(computedCellToCents(-0.01)).toBe(-1);
    expect(computedCellToCents(0.07)).toBe(7);
    expect(computedCellToCents('#VALUE!')).toBeNull();
  });
});

describe('chunk planning', () => {
  it('bounds cells per chunk', () => {
    const rows = Array.from({ length: 5000 }, () => Array.from({ length: 25 }, () => 1));
    const chunks = planRowChunks(rows, 0);
    expect(chunks).toHaveLength(7); // ⌈125,000 / 20,000⌉
    expect(chunks.every(([a, b]) => (b - a) * 25 <= 20_000)).toBe(true);
    expect(chunks.at(-1)![1]).toBe(5000);
  });
  it('bounds bytes per chunk', () => {
    const rows = Array.from({ length: 1000 }, () => ['x'.repeat(10_000)]);
    const chunks = planRowChunks(rows, 0, { cells: 20_000, bytes: 1_000_000 });
    expect(chunks.length).toBeGreaterThanOrEqual(10);
  });
});

describe('diffGrid', () => {
  it('reports changed cells with their sheet position', () => {
    expect(
      diffGrid(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2.5],
          [3, '4x'],
        ],
        { row: 7, col: 4 },
      ),
    ).toEqual([
      { row: 7, col: 5, before: 2, after: 2.5 },
      { row: 8, col: 5, before: 4, after: '4x' },
    ]);
  });
});

describe('reading back and writing back', () => {
  const view = largeView(10);
  const layout = planG703(view, { grouped: false });
  const info = {
    invoiceId: view.invoice.id,
    g703Sheet: 'G703 #1',
    g702Sheet: 'G702 #1',
    g703SheetId: '',
    g702SheetId: '',
    tableName: 't',
    accountingMethod: 'amount' as const,
    locale: 'en' as const,
    headerRow: layout.headerRow,
    firstDataRow: layout.firstDataRow,
    lastDataRow: layout.lastDataRow,
    columns: layout.cols.list.map((c) => ({ key: c.key, letter: c.letter, index: c.index, editField: c.editField ?? null, isSummed: !!c.isSummed })),
    rowByLineId: Object.fromEntries(layout.rowByLineId),
    editableByLine: Object.fromEntries(layout.rows.map((r) => [r.lineId!, r.editable])),
    g702Cells: {} as never,
    coCells: {} as never,
    columnView: 'standard' as const,
    grouped: false,
    canEdit: true,
    groups: [],
  };
  it('touchedRows keeps every row that may hold a line after inserts (rows are mapped by id, not clipped to the old body)', () => {
    expect(touchedRows(info, 'A1:Z100')).toEqual([[0, 99]]);
    expect(touchedRows(info, 'E3')).toEqual([[2, 2]]);
    expect(touchedRows(info, 'E:E')).toEqual([[0, info.lastDataRow + ROW_SLACK]]);
  });
  it('planWriteBack writes only cells whose content changes, never an unsynced editable cell', () => {
    const before = view.lines[2];
    const after = { ...before, workCompletedThisPeriodCents: before.workCompletedThisPeriodCents + 100, workRetainageCents: before.workRetainageCents + 10 };
    // retainage as values (no terms): the work-retainage cell changes; E is the user's, left alone
    const runs = planWriteBack(info, view, [{ before, after }], {});
    const cols = runs.map((r) => info.columns[r.col].key);
    expect(cols).toEqual(['workRetainage']);
    const withOverwrite = planWriteBack(info, view, [{ before, after }], { canOverwrite: () => true });
    expect(withOverwrite.map((r) => info.columns[r.col].key)).toEqual(['thisPeriod', 'workRetainage']);
  });
  it('matchLines searches item no., cost code and description, case-insensitively', () => {
    const lines = [
      { itemNo: '03-100', description: 'Concrete', costCode: '' },
      { itemNo: '5', description: 'Steel', costCode: '05-120' },
    ];
    expect(matchLines(lines, 'CONC')).toEqual(['03-100']);
    expect(matchLines(lines, '5')).toEqual(['5']);
    expect(matchLines(lines, '05-12')).toEqual(['5']);
    expect(matchLines(lines, '01-00')).toEqual([]);
  });
});
