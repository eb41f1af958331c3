// Rendering large invoices: a bounded number of context.sync() calls and every request under
// Excel on the web's 5 MB, as counted by the workbook double. Plus the sheet's shape: formats,
// locked/unlocked cells, protection, column views, grouping, search, binding.
//
// The bound: 2 lookup syncs + ⌈cells / 40,000⌉ value chunks (number formats go by column, not per
// cell) + 1 final sync. 5,000 amount lines × 19 columns = 95,000 cells → 3 chunks → 6 syncs;
// 5,000 unit lines in 50 groups (5,050 rows × 26 columns) → 4 chunks by count, 5 if the 800 KB
// byte bound comes first → ≤ 8 syncs.

import { afterEach, describe, expect, it } from 'vitest';
import { largeView } from '../workbook-double/demo-views';
import { installWorkbookDouble, REQUEST_LIMIT_BYTES, type WorkbookDouble } from '../workbook-double';
import { renderInvoice } from './render-invoice';
import { readBinding } from './binding';
import { applySearch, setColumnView } from './view-options';
import { columnsFor, NUMBER_FORMAT } from './columns';
import { INPUT_FILL } from './sheet-format';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

describe('renderInvoice on 5,000 lines', () => {
  it('amount-based: 6 syncs, every request < 1 MB by the double’s measure, every line written', async () => {
    wb = installWorkbookDouble();
    const view = largeView(5000);
    const { info, syncCount } = await renderInvoice(view, { terms: { workRetainageBps: 1000, storedRetainageBps: 500, retainageReduction: null } });
    expect(wb.stats.syncCount).toBe(syncCount);
    expect(wb.stats.syncCount).toBe(2 + Math.ceil((5000 * 19) / 40_000) + 1);
    expect(wb.stats.maxRequestBytes).toBeLessThan(1024 * 1024);
    expect(wb.stats.requests.every((r) => r.requestBytes < REQUEST_LIMIT_BYTES && r.responseBytes < REQUEST_LIMIT_BYTES)).toBe(true);
    expect(info.lastDataRow - info.firstDataRow + 1).toBe(5000);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    const idCol = info.columns.find((c) => c.key === 'lineId')!.index;
    expect(snap.values[info.lastDataRow][idCol]).toBe('L5000');
    // the G702 evaluates the 5,000 rows to the server's figures
    const g702 = wb.getSheetSnapshot(info.g702Sheet);
    const b = (a1: string) => g702.values[Number(a1.slice(1)) - 1][1] as number;
    expect(Math.round(b(info.g702Cells.line8CurrentPaymentDueCents) * 100)).toBe(view.g702.line8CurrentPaymentDueCents);
    expect(Math.round(b(info.g702Cells.line5aWorkRetainageCents) * 100)).toBe(view.g702.line5aWorkRetainageCents);
  }, 60_000);

  it('unit-based in 50 groups (subtotals + outline): ≤ 8 syncs, every request < 1 MB by the double’s measure', async () => {
    wb = installWorkbookDouble();
    const view = largeView(5000, { method: 'unit', groupSize: 100 });
    const { info } = await renderInvoice(view, { grouped: true });
    expect(wb.stats.syncCount).toBeLessThanOrEqual(8);
    expect(wb.stats.maxRequestBytes).toBeLessThan(1024 * 1024);
    expect(info.groups).toHaveLength(50);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.outlineLevels[info.groups[0].firstRow]).toBe(1);
    expect(snap.outlineLevels[info.groups[0].subtotalRow]).toBe(0);
    const g702 = wb.getSheetSnapshot(info.g702Sheet);
    const line4 = g702.values[Number(info.g702Cells.line4TotalCompletedAndStoredCents.slice(1)) - 1][1] as number;
    expect(Math.round(line4 * 100)).toBe(view.g702.line4TotalCompletedAndStoredCents);
  }, 60_000);

  it('a schedule with long descriptions is split by bytes, not only by cell count', async () => {
    wb = installWorkbookDouble();
    const view = largeView(3000);
    view.lines.forEach((l) => {
      l.description = 'x'.repeat(500);
    });
    await renderInvoice(view);
    expect(wb.stats.maxRequestBytes).toBeLessThan(3_000_000);
  }, 60_000);
});

describe('the G703 sheet', () => {
  it('formats, unlocks and tints only editable cells, never protects (Undo kept), records the binding', async () => {
    wb = installWorkbookDouble();
    const view = largeView(10);
    const { info } = await renderInvoice(view);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    const col = (k: string) => info.columns.find((c) => c.key === k)!.index;
    const r = info.firstDataRow;
    expect(snap.isProtected).toBe(false);
    expect(wb.book.undoClears).toEqual([]);
    expect(snap.locked[r][col('thisPeriod')]).toBe(false);
    expect(snap.locked[r][col('stored')]).toBe(false);
    expect(snap.locked[r][col('releaseThisPeriod')]).toBe(false);
    expect(snap.locked[r][col('scheduled')]).toBe(true);
    expect(snap.locked[r][col('total')]).toBe(true);
    expect(snap.numberFormats[r][col('scheduled')]).toBe(NUMBER_FORMAT.money);
    expect(snap.numberFormats[r][col('itemNo')]).toBe('@');
    expect(snap.formulas[r][col('total')]).toMatch(/^=SUM\(/);
    expect(snap.tables).toHaveLength(1);
    expect(snap.hiddenColumns[col('lineId')]).toBe(true);
    expect(snap.hiddenColumns[col('workRetainage')]).toBe(true);
    expect(snap.hiddenColumns[col('thisPeriod')]).toBe(false);
    const binding = await readBinding(view.invoice.id);
    expect(binding).toMatchObject({ g703Sheet: info.g703Sheet, g702Sheet: info.g702Sheet, syncedVersion: view.invoice.version });
  });

  it('not editable: every cell locked, no input fill, the reason in the header (the session restores typed-over cells)', async () => {
    wb = installWorkbookDouble();
    const view = largeView(5);
    view.invoice.isEditable = false;
    view.invoice.notEditableReason = 'Invoice #1 is approved and locked';
    const { info } = await renderInvoice(view);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.locked.flat().every(Boolean)).toBe(true);
    expect(snap.values.flat()).toContain('Status: draft (Invoice #1 is approved and locked)');
    expect(snap.fills.flat()).not.toContain(INPUT_FILL);
    expect(snap.isProtected).toBe(false);
  });

  it('re-rendering replaces the sheet (no duplicate table, same names)', async () => {
    wb = installWorkbookDouble();
    const view = largeView(20);
    const first = await renderInvoice(view);
    const second = await renderInvoice(largeView(8));
    expect(second.info.g703Sheet).toBe(first.info.g703Sheet);
    expect(wb.getSheetSnapshot(first.info.g703Sheet).tables).toHaveLength(1);
    expect(wb.getSheetSnapshot(first.info.g703Sheet).rowCount).toBe(second.info.lastDataRow + 1);
  });

  it('every column gets its width and, per view, its hidden state, set by runs of adjacent columns', async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(largeView(10, { method: 'unit' }), { columnView: 'standard' });
    const defs = columnsFor('unit').list;
    for (const view of ['standard', 'compact', 'all'] as const) {
      if (view !== 'standard') await setColumnView(info, view);
      const snap = wb.getSheetSnapshot(info.g703Sheet);
      expect(snap.hiddenColumns.slice(0, defs.length)).toEqual(defs.map((d) => !d.views.includes(view)));
      expect(defs.map((d) => snap.columnWidths[d.index])).toEqual(defs.map((d) => d.width));
    }
    // fewer operations than columns: 26 columns, widths and hidden states in runs
    wb.resetStats();
    await setColumnView(info, 'standard');
    expect(wb.stats.requests.reduce((n, r) => n + r.ops, 0)).toBeLessThan(defs.length / 2);
  });

  it('column views hide and show columns; search filters the table', async () => {
    wb = installWorkbookDouble();
    const view = largeView(30);
    view.lines[4].description = 'Structural steel';
    view.lines[7].costCode = '05-120';
    const { info } = await renderInvoice(view);
    const col = (k: string) => info.columns.find((c) => c.key === k)!.index;
    await setColumnView(info, 'compact');
    let snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.hiddenColumns[col('previous')]).toBe(true);
    expect(snap.hiddenColumns[col('thisPeriod')]).toBe(false);
    await setColumnView(info, 'all');
    snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.hiddenColumns[col('workRetainage')]).toBe(false);
    expect(snap.hiddenColumns[col('lineId')]).toBe(true);
    expect(await applySearch(info, view.lines, 'structural')).toBe(1);
    snap = wb.getSheetSnapshot(info.g703Sheet);
    const shown = snap.hiddenRows.map((h, r) => (!h && r >= info.firstDataRow ? r : -1)).filter((r) => r >= 0);
    expect(shown).toEqual([info.rowByLineId[view.lines[4].lineId]]);
    expect(snap.isProtected).toBe(false);
    // the cost code is searched too (whole, or its start)
    expect(await applySearch(info, view.lines, '05-12')).toBe(1);
    snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.hiddenRows.map((h, r) => (!h && r >= info.firstDataRow ? r : -1)).filter((r) => r >= 0)).toEqual([info.rowByLineId[view.lines[7].lineId]]);
    await applySearch(info, view.lines, '');
    snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.hiddenRows.some(Boolean)).toBe(false);
  });
});

describe('re-render in place', () => {
  it('keeps the sheet (same id), the user’s extra columns and notes outside our range, and clears nothing from Undo', async () => {
    wb = installWorkbookDouble();
    const first = await renderInvoice(largeView(20));
    const outside = `AD${first.info.firstDataRow + 2}`;
    await wb.setValuesAsUser(first.info.g703Sheet, outside, [['my own remark']]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(first.info.g703Sheet).notes.add('AE2', 'keep me');
      await ctx.sync();
    });
    const second = await renderInvoice(largeView(8), { grouped: true });
    expect(second.info.g703SheetId).toBe(first.info.g703SheetId);
    const snap = wb.getSheetSnapshot(first.info.g703Sheet);
    expect(snap.values[first.info.firstDataRow + 1][29]).toBe('my own remark');
    expect(snap.notes.AE2).toBe('keep me');
    expect(snap.values.slice(second.info.lastDataRow + 1).every((r) => r.slice(0, second.info.columns.length).every((v) => v === ''))).toBe(true);
    expect(wb.book.undoClears).toEqual([]);
    expect(wb.canUndo()).toBe(true);
  });
});
