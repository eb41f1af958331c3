// Marking refused cells: a fill and a note (ExcelApi 1.18) or a comment (1.10–1.17), the value
// untouched, nothing protected; clearing restores the input fill. Only the add-in's own notes go.

import { afterEach, describe, expect, it } from 'vitest';
import { largeView } from '../workbook-double/demo-views';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { renderInvoice } from './render-invoice';
import { MARK_PREFIX, addressOf, applyMarks, clearMarks, markBadCells } from './marks';
import { ERROR_FILL, INPUT_FILL } from './sheet-format';
import { OPS_PER_SYNC } from './chunks';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

describe('markBadCells / clearMarks', () => {
  for (const [version, where] of [
    ['1.18', 'notes'],
    ['1.12', 'comments'],
  ] as const) {
    it(`ExcelApi ${version}: fill + ${where}, value kept, marked twice without error, then cleared`, async () => {
      wb = installWorkbookDouble({ apiVersion: version });
      const { info } = await renderInvoice(largeView(5));
      const target = { lineId: 'L2', field: 'workCompletedThisPeriod' as const };
      const a1 = addressOf(info, target)!;
      await wb.setValuesAsUser(info.g703Sheet, a1, [['12,34x']]);
      await markBadCells(info, [{ ...target, message: "'12,34x' is not an amount" }]);
      await markBadCells(info, [{ ...target, message: "'12,34x' is still not an amount" }]);
      let snap = wb.getSheetSnapshot(info.g703Sheet);
      const e = info.columns.find((c) => c.key === 'thisPeriod')!.index;
      const row = info.rowByLineId.L2;
      expect(snap.values[row][e]).toBe('12,34x');
      expect(snap.fills[row][e]).toBe(ERROR_FILL);
      expect(snap[where][a1]).toBe(`${MARK_PREFIX}'12,34x' is still not an amount`);
      expect(Object.keys(snap[where])).toHaveLength(1);
      expect(snap.isProtected).toBe(false);
      expect(wb.book.undoClears).toEqual([]);
      await clearMarks(info, [target]);
      snap = wb.getSheetSnapshot(info.g703Sheet);
      expect(snap.fills[row][e]).toBe(INPUT_FILL);
      expect(snap[where][a1]).toBeUndefined();
    });
  }

  it('below ExcelApi 1.10 the fill alone marks the cell', async () => {
    wb = installWorkbookDouble({ apiVersion: '1.9' });
    const { info } = await renderInvoice(largeView(3));
    expect(await markBadCells(info, [{ lineId: 'L1', field: 'materialsPresentlyStored', message: 'x' }])).toBe(1);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.fills[info.rowByLineId.L1][info.columns.find((c) => c.key === 'stored')!.index]).toBe(ERROR_FILL);
    expect(Object.keys(snap.notes)).toHaveLength(0);
  });

  it("leaves a note the user wrote: the fill marks the cell, the user's note stays, clearing keeps it", async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(largeView(3));
    const a1 = addressOf(info, { lineId: 'L2', field: 'workCompletedThisPeriod' })!;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(info.g703Sheet).notes.add(a1, 'Ask Dana about this one');
      await ctx.sync();
    });
    const r = await applyMarks(info, [
      { lineId: 'L2', column: info.columns.find((c) => c.key === 'thisPeriod')!.index, key: 'thisPeriod', fill: ERROR_FILL, note: 'refused' },
    ]);
    expect(r).toEqual({ marked: 1, unmapped: [], foreignNotes: 1 });
    await clearMarks(info, [{ lineId: 'L2', field: 'workCompletedThisPeriod' }]);
    expect(wb.getSheetSnapshot(info.g703Sheet).notes[a1]).toBe('Ask Dana about this one');
  });

  it("5,000 marks go in requests of at most OPS_PER_SYNC operations, each under 1 MB by the double's measure", async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(largeView(5000));
    wb.resetStats();
    const n = await markBadCells(
      info,
      Array.from({ length: 5000 }, (_, i) => ({ lineId: `L${i + 1}`, field: 'workCompletedThisPeriod' as const, message: `Line ${i + 1}: refused` })),
    );
    expect(n).toBe(5000);
    expect(Math.max(...wb.stats.requests.map((q) => q.ops))).toBeLessThanOrEqual(OPS_PER_SYNC + 10);
    expect(wb.stats.maxRequestBytes).toBeLessThan(1024 * 1024);
    expect(Object.keys(wb.getSheetSnapshot(info.g703Sheet).notes)).toHaveLength(5000);
  }, 60_000);
});
