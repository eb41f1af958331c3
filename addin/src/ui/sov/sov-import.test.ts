// Column guessing, cell parsing and problem naming of the SOV import. Expected rows, letters,
// cents and codes are worked out by hand from the blocks below, not from the code under test.
import { describe, expect, it } from 'vitest';
import type { SheetBlock } from '../../excel/read-block';
import type { CellValue } from '../../excel/units';
import { sovLabels } from './labels';
import { parseBlock } from './parse-block';
import { problemText } from './problem-text';
import { toSheetProblems } from './sheet-problems';
import { detectHeaderRow, fieldsFor, guessMapping, missingFields } from './sov-columns';

/** A block as read-block.ts returns it; numbers are 'Double', '' is 'Empty', '#N/A' is 'Error'. */
function blockOf(values: CellValue[][], at = { top: 0, left: 0 }, formats: Record<string, string> = {}): SheetBlock {
  return {
    sheet: 'Export',
    address: 'X',
    top: at.top,
    left: at.left,
    values,
    types: values.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : v === '#N/A' ? 'Error' : 'String'))),
    numberFormats: values.map((r, i) => r.map((_, j) => formats[`${i},${j}`] ?? 'General')),
    texts: values.map((r) => r.map((v) => String(v))),
    syncs: 0,
  };
}

describe('guessMapping and detectHeaderRow', () => {
  it('maps English, Spanish and French export headers', () => {
    expect(guessMapping(['Item #', 'Cost Code', 'Description', 'Scheduled Value', 'Section'], 'amount')).toEqual({
      itemNo: 0,
      costCode: 1,
      description: 2,
      scheduledValueCents: 3,
      group: 4,
    });
    expect(guessMapping(['Partida', 'Descripción', 'Importe', 'Capítulo'], 'amount')).toEqual({ itemNo: 0, description: 1, scheduledValueCents: 2, group: 3 });
    expect(guessMapping(['N°', 'Désignation', 'Montant HT', 'Lot', 'Code analytique', 'Retenue %'], 'amount')).toEqual({
      itemNo: 0,
      description: 1,
      scheduledValueCents: 2,
      group: 3,
      costCode: 4,
      workRetainageBps: 5,
    });
  });

  it('tells "Unit" from "Unit price" on a unit contract and leaves an amount column out', () => {
    expect(guessMapping(['Line', 'Description', 'Qty', 'Unit', 'Unit Price', 'Amount'], 'unit')).toEqual({
      itemNo: 0,
      description: 1,
      scheduledQty: 2,
      unitOfMeasure: 3,
      unitPrice: 4,
    });
    expect(missingFields({ itemNo: 0, description: 1, scheduledQty: 2 }, 'unit')).toEqual(['unitOfMeasure', 'unitPrice']);
  });

  it("maps the pane's own sheet headers in each language to their fields", () => {
    for (const lang of ['en', 'es', 'fr'] as const)
      for (const method of ['amount', 'unit'] as const) {
        const fields = fieldsFor(method);
        const expected = Object.fromEntries(fields.map((f, i) => [f, i]));
        expect(
          guessMapping(
            fields.map((f) => sovLabels(lang).fields[f]),
            method,
          ),
          `${lang} ${method}`,
        ).toEqual(expected);
      }
  });

  it('finds the header under a title row, and none in a block of data', () => {
    const titled = [
      ['ACME estimate export', '', ''],
      ['', '', ''],
      ['Item', 'Description', 'Amount'],
      ['1', 'Dig', 100],
    ];
    expect(detectHeaderRow(titled, 'amount')).toBe(2);
    expect(
      detectHeaderRow(
        [
          ['1', 'Dig', 100],
          ['2', 'Pour', 200],
        ],
        'amount',
      ),
    ).toBeNull();
  });
});

describe('parseBlock + toSheetProblems', () => {
  // Block at sheet row 3, column B: header on row 3, data on rows 4–10 (row 6 blank).
  const rows: CellValue[][] = [
    ['Item #', 'Cost Code', 'Description', 'Scheduled Value', 'Section'],
    ['001', '01-100', 'Mobilization', 12500, 'General'],
    ['002', '02-200', 'Site work', '1,234.50', 'General'],
    ['', '', '', '', ''],
    ['003', '', 'Concrete', 12.345, ''],
    ['002', '', 'Duplicate', 5, 'X'],
    ['', '', '', 'abc', ''],
    ['005', '', 'Typed as 5%', 0.05, ''],
    ['006', '', 'Lookup failed', '#N/A', ''],
  ];
  const block = blockOf(rows, { top: 2, left: 1 }, { '7,3': '0%' });
  const mapping = guessMapping(rows[0], 'amount');
  const parsed = parseBlock(block, { method: 'amount', mapping, headerRow: 0, notation: 'en' });
  const problems = toSheetProblems(parsed.problems, { block, headerRow: 0, mapping, rowOf: parsed.rowOf, lines: parsed.lines });

  it('reads good lines to cents and skips blank rows', () => {
    expect(parsed.rowOf.map((r) => r + 1)).toEqual([4, 5, 7, 8, 9, 10, 11]);
    expect(parsed.lines[0]).toEqual({ itemNo: '001', costCode: '01-100', description: 'Mobilization', scheduledValueCents: 1_250_000, group: 'General' });
    expect(parsed.lines[1]!.scheduledValueCents).toBe(123_450);
    expect(parsed.lines[2]!.group).toBeNull();
  });

  it('names every bad cell by sheet row, column letter and header, in sheet order', () => {
    expect(problems.map((p) => [p.row, p.column, p.header, p.code])).toEqual([
      [7, 'E', 'Scheduled Value', 'TOO_MANY_DECIMALS'],
      [8, 'B', 'Item #', 'DUPLICATE_ITEM_NO'],
      [9, 'B', 'Item #', 'TOO_SMALL'],
      [9, 'D', 'Description', 'TOO_SMALL'],
      [9, 'E', 'Scheduled Value', 'NOT_A_NUMBER'],
      [10, 'E', 'Scheduled Value', 'CONVERTED'],
      [11, 'E', 'Scheduled Value', 'EXCEL_ERROR'],
    ]);
    const en = sovLabels('en');
    expect(problems.map((p) => problemText(p, en))).toEqual([
      'Row 7, column E (Scheduled Value): 12.345 has more than 2 decimals',
      'Row 8, column B (Item #): item no. “002” is already on row 5',
      'Row 9, column B (Item #): empty; this column is required',
      'Row 9, column D (Description): empty; this column is required',
      'Row 9, column E (Scheduled Value): “abc” is not a number',
      'Row 10, column E (Scheduled Value): Excel holds the percentage 5% here, not an amount',
      'Row 11, column E (Scheduled Value): the cell shows the Excel error #N/A',
    ]);
    expect(problemText(problems[0]!, sovLabels('fr'))).toBe('Ligne 7, colonne E (Scheduled Value)\u00a0: 12.345 a plus de 2 décimales');
  });

  it('reads text numbers in the chosen notation', () => {
    const b = blockOf([
      ['Item', 'Description', 'Importe'],
      ['1', 'Excavación', '1.234,50'],
      ['2', 'Relleno', '12,5'],
    ]);
    const m = guessMapping(b.values[0], 'amount');
    const es = parseBlock(b, { method: 'amount', mapping: m, headerRow: 0, notation: 'es' });
    expect(es.problems).toEqual([]);
    expect(es.lines.map((l) => l.scheduledValueCents)).toEqual([123_450, 1_250]);
    // the same text read as English: "1.234,50" is not a number, "12,5" does not group by three
    const en = parseBlock(b, { method: 'amount', mapping: m, headerRow: 0, notation: 'en' });
    expect(en.problems.map((p) => [p.field, p.code])).toEqual([
      ['lines.0.scheduledValueCents', 'NOT_A_NUMBER'],
      ['lines.1.scheduledValueCents', 'NOT_A_NUMBER'],
    ]);
  });

  it('reads unit lines and retainage rates typed as 10, "7.5%" or 0.05 formatted as a percentage', () => {
    const b = blockOf(
      [
        ['Item', 'Description', 'Qty', 'UOM', 'Unit price', 'Retainage %'],
        ['A1', 'Rebar', 1200.5, 'kg', 2.3456, 10],
        ['A2', 'Forms', 30, 'm2', '$45.00', '7.5%'],
        ['A3', 'Pour', 12, 'm3', 150, 0.05],
      ],
      { top: 0, left: 0 },
      { '3,5': '0%' },
    );
    const m = guessMapping(b.values[0], 'unit');
    const p = parseBlock(b, { method: 'unit', mapping: m, headerRow: 0, notation: 'en' });
    expect(p.problems).toEqual([]);
    expect(p.lines.map((l) => [l.scheduledQty, l.unitOfMeasure, l.unitPrice, l.workRetainageBps])).toEqual([
      [12_005_000, 'kg', 23_456, 1_000],
      [300_000, 'm2', 450_000, 750],
      [120_000, 'm3', 1_500_000, 500],
    ]);
  });

  it("maps the server's 422 details (line index) back to sheet rows", () => {
    const server = [{ field: 'lines.2.itemNo', code: 'DUPLICATE_ITEM_NO', message: 'Line 3 (item 002): item no. "002" is already used by line 2' }];
    const b = blockOf(
      [
        ['Item', 'Description', 'Amount'],
        ['001', 'a', 1],
        ['002', 'b', 2],
        ['', '', ''],
        ['002', 'c', 3],
      ],
      { top: 9, left: 0 },
    );
    const m = guessMapping(b.values[0], 'amount');
    const p = parseBlock(b, { method: 'amount', mapping: m, headerRow: 0, notation: 'en' });
    const named = toSheetProblems(server, { block: b, headerRow: 0, mapping: m, rowOf: p.rowOf, lines: p.lines });
    expect(named).toMatchObject([{ row: 14, column: 'A', header: 'Item', firstRow: 12, itemNo: '002' }]);
  });
});
