import { describe, expect, it } from 'vitest';
import { serverFieldErrors, toRequest, type CoForm } from './co-form';

const existing = new Set(['001', '002']);

describe('change order form → request', () => {
  it('builds the body with lines on the schedule and new lines, amounts read in the pane language', () => {
    const form: CoForm = {
      title: '  Extra outlets ',
      rows: [
        { key: 1, mode: 'existing', lineId: 'sov_1', amount: '1.500,25' },
        { key: 2, mode: 'new', itemNo: ' 900 ', description: 'Canopy', amount: '-200' },
      ],
    };
    expect(toRequest(form, 'es', existing)).toEqual({
      ok: true,
      body: {
        title: 'Extra outlets',
        lines: [
          { lineId: 'sov_1', amountCents: 150025 },
          { newLine: { itemNo: '900', description: 'Canopy' }, amountCents: -20000 },
        ],
      },
    });
  });

  it('names every bad field at once and builds nothing', () => {
    const form: CoForm = {
      title: ' ',
      rows: [
        { key: 1, mode: 'existing', lineId: null, amount: '12,34' },
        { key: 2, mode: 'new', itemNo: '002', description: '', amount: '' },
        { key: 3, mode: 'new', itemNo: '950', description: 'A', amount: '1.999' },
        { key: 4, mode: 'new', itemNo: '950', description: 'B', amount: '5' },
      ],
    };
    expect(toRequest(form, 'en', existing)).toEqual({
      ok: false,
      errors: {
        title: 'REQUIRED',
        'rows.0.lineId': 'REQUIRED',
        'rows.0.amount': 'NOT_A_NUMBER',
        'rows.1.itemNo': 'DUPLICATE_ITEM_NO',
        'rows.1.description': 'REQUIRED',
        'rows.1.amount': 'EMPTY',
        'rows.2.amount': 'TOO_MANY_DECIMALS',
        'rows.3.itemNo': 'DUPLICATE_ITEM_NO',
      },
    });
  });

  it("maps the server's field details onto the form", () => {
    expect(
      serverFieldErrors([
        { field: 'lines.1.newLine.itemNo', code: 'DUPLICATE_ITEM_NO' },
        { field: 'lines.0', code: 'LINE_NOT_FOUND' },
        { field: 'title', code: 'too_small' },
      ]),
    ).toEqual({ 'rows.1.itemNo': 'DUPLICATE_ITEM_NO', 'rows.0.lineId': 'LINE_NOT_FOUND' });
  });
});
