// renderInvoice: writes (or rewrites) an invoice's G703 and G702 sheets in ONE Excel.run.
// A re-render changes cells in place: it never deletes the user's sheets or rows (no
// Worksheet.delete, no Range.delete), so their formatting, notes and extra columns outside our
// range stay, and co-authors' rows do not shift under them. It never protects the sheets either:
// protect/unprotect clear the user's Undo stack and block filters and the outline inside tables
// (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities;
// OfficeDev/office-js#2135, #2871). A sheet protected by an older version of the add-in is
// unprotected once, here (that one call clears Undo; README "Undo").
//
// Sync budget for n rows × k columns (19 amount-based, 26 unit-based): 2 lookup syncs (bindings
// and old table, then the sheets the binding names), ⌈n·k / 40,000⌉ chunk syncs of values (number
// formats go once per column run in the first; the first also carries the sheet reset and header;
// more if 800 KB of JSON comes first, chunks.ts), 1 final sync (table, formats, G702, binding).
// 5,000 amount lines → 2 + 3 + 1 = 6 syncs; 5,000 unit lines in 50 groups (5,050 rows) → 2 + 4
// or 5 + 1. Every request stays under 1 MB by the double's measure.

import { invoiceStatusLabels } from '@shared/i18n/invoice-statuses';
import { type Locale, toLocale } from '@shared/i18n/locales';
import type { InvoiceView } from '../api/types';
import { translate } from '../i18n';
import { lockReason } from '../i18n/lock-reason';
import { rangeA1 } from './a1';
import { bindingsFrom, queueLoadBinding, queueWriteBinding, type InvoiceBinding } from './binding';
import { queueColumnFormats, queueRows, writeRowsChunked } from './chunks';
import { columnsFor, type ColumnView } from './columns';
import { planG702, type G702Header } from './g702-plan';
import { planG703, type PendingValues, type RetainageTerms } from './layout';
import { recordOwnWrite } from './own-writes';
import { groupsOf, type SheetInfo } from './sheet-info';
import { sheetLabels } from './sheet-labels';
import { runBatch } from './run';
import { HEADER_FILL, queueColumnView, queueColumnWidths, queueEditableCells, queueOutline, queueRowHeight } from './sheet-format';
import { supportsOutline } from './support';

export type RenderOptions = {
  /** unlock the editable cells; defaults to the server's view.invoice.isEditable */
  canEdit?: boolean;
  header?: G702Header;
  columnView?: ColumnView;
  grouped?: boolean;
  /** data row height in points */
  rowHeight?: number;
  /** the contract's retainage terms: with them (and no reduction rule) retainage is a live formula */
  terms?: RetainageTerms | null;
  /** unsynced user values shown instead of the server's */
  pending?: PendingValues;
  sheetNames?: { g703: string; g702: string };
  /** bring the G703 sheet to the front (on open; not when a refresh redraws it) */
  activate?: boolean;
  /**
   * The pane's language: the sheets' language when they are first written. A sheet already bound
   * keeps the language it was written in (InvoiceBinding.locale), whoever redraws it.
   */
  locale?: string;
};

export type RenderResult = { info: SheetInfo; binding: InvoiceBinding; syncCount: number };

const MAX_SHEET_NAME = 31;

function defaultNames(view: InvoiceView, taken: Set<string>): { g703: string; g702: string } {
  const n = view.invoice.number;
  let suffix = '';
  if (taken.has(`G703 #${n}`) || taken.has(`G702 #${n}`)) suffix = ` C${view.contract.number}`;
  const clip = (s: string) => s.slice(0, MAX_SHEET_NAME);
  return { g703: clip(`G703 #${n}${suffix}`), g702: clip(`G702 #${n}${suffix}`) };
}

const columnCountOf = (method: InvoiceView['contract']['accountingMethod']) => columnsFor(method).list.length;

export const tableNameFor = (invoiceId: string) => `PB_G703_${invoiceId.replace(/[^A-Za-z0-9_]/g, '_')}`;

function headerBlock(view: InvoiceView, header: G702Header, canEdit: boolean, locale: Locale): string[][] {
  const inv = view.invoice;
  const L = sheetLabels(locale).g703;
  const status = invoiceStatusLabels(locale)[inv.status].toLowerCase();
  const lock = canEdit ? L.editable : (lockReason(view, { t: (key, params) => translate(locale, key, params) }) ?? L.readOnly);
  return [
    [L.title],
    [L.project(header.project ?? '')],
    [L.contract(header.contractFor ?? `#${view.contract.number} ${view.contract.title}`)],
    [L.applicationNo(inv.number)],
    [L.period(inv.billingPeriod.start, inv.billingPeriod.end)],
    [L.status(status, lock)],
  ];
}

export async function renderInvoice(view: InvoiceView, opts: RenderOptions = {}): Promise<RenderResult> {
  const canEdit = opts.canEdit ?? view.invoice.isEditable;
  const grouped = opts.grouped ?? false;
  const columnView = opts.columnView ?? 'standard';
  const tableName = tableNameFor(view.invoice.id);

  return runBatch(async (context) => {
    let syncCount = 0;
    const sync = async () => {
      syncCount++;
      await context.sync();
    };
    const sheets = context.workbook.worksheets;
    const bindingSetting = queueLoadBinding(context);
    const oldTable = context.workbook.tables.getItemOrNullObject(tableName);
    await sync();
    const bindings = bindingsFrom(bindingSetting);
    const mine = bindings.invoices.find((b) => b.invoiceId === view.invoice.id);
    const locale: Locale = mine ? (mine.locale ?? 'en') : (toLocale(opts.locale) ?? 'en');
    const layout = planG703(view, { grouped, terms: opts.terms ?? null, pending: opts.pending, locale });
    const taken = new Set(bindings.invoices.filter((b) => b.invoiceId !== view.invoice.id).flatMap((b) => [b.g703Sheet, b.g702Sheet]));
    let names = opts.sheetNames ?? (mine ? { g703: mine.g703Sheet, g702: mine.g702Sheet } : defaultNames(view, taken));
    // Our sheets by id first: a sheet the user renamed is still ours (Worksheet.id survives renames).
    const g703Existing = sheets.getItemOrNullObject(mine?.g703SheetId || names.g703);
    const g702Existing = sheets.getItemOrNullObject(mine?.g702SheetId || names.g702);
    await sync();
    const existing = [g703Existing, g702Existing].filter((s) => !s.isNullObject);
    const protections = existing.map((s) => s.protection.load('protected'));
    existing.forEach((s) => s.load('name,id'));
    if (existing.length) await sync();
    names = {
      g703: g703Existing.isNullObject ? names.g703 : g703Existing.name,
      g702: g702Existing.isNullObject ? names.g702 : g702Existing.name,
    };

    const g703 = g703Existing.isNullObject ? sheets.add(names.g703) : g703Existing;
    const g702 = g702Existing.isNullObject ? sheets.add(names.g702) : g702Existing;
    // Legacy: sheets rendered by versions that protected them. A password set by the user makes
    // this fail with Excel's own message, and nothing is changed.
    existing.forEach((s, i) => {
      if (protections[i].protected) s.protection.unprotect();
    });
    if (!oldTable.isNullObject) oldTable.convertToRange(); // cells stay; the new table is added below
    if (!g703Existing.isNullObject && mine) {
      // Rows of the previous render that the new one does not cover: cleared, never deleted.
      const oldLast = Math.max(mine.lastDataRow, mine.firstDataRow);
      const newLast = Math.max(layout.lastDataRow, layout.firstDataRow);
      const width = Math.max(layout.cols.list.length, columnCountOf(mine.accountingMethod));
      if (mine.grouped && supportsOutline()) g703.getRange(`${mine.firstDataRow + 1}:${oldLast + 1}`).ungroup('ByRows');
      if (oldLast > newLast) g703.getRange(rangeA1(newLast + 1, 0, oldLast, width - 1)).clear('All');
      g703.getRange(rangeA1(layout.firstDataRow, 0, newLast, width - 1)).format.fill.clear();
    }
    g703.load('id');
    g702.load('id');

    const header = opts.header ?? {};
    queueRows(g703, 0, 0, headerBlock(view, header, canEdit, locale), ['@']).format.font.bold = true;
    const headerRange = queueRows(
      g703,
      layout.headerRow,
      0,
      [layout.cols.list.map((c) => sheetLabels(locale).g703.columns[c.key])],
      layout.cols.list.map(() => '@'),
    );
    headerRange.format.wrapText = true;
    headerRange.format.font.bold = true;
    headerRange.format.fill.color = HEADER_FILL;
    // Data rows: number formats once per column run, then the values; the first chunk's sync
    // also carries the reset, header and formats above.
    queueColumnFormats(g703, layout.firstDataRow, layout.lastDataRow, layout.formats);
    await writeRowsChunked(
      context,
      g703,
      layout.firstDataRow,
      layout.rows.map((r) => r.cells),
      null,
      () => {
        syncCount++;
      },
    );
    if (!layout.rows.length) await sync();

    const info: SheetInfo = {
      invoiceId: view.invoice.id,
      g703Sheet: names.g703,
      g702Sheet: names.g702,
      g703SheetId: g703.id,
      g702SheetId: g702.id,
      tableName,
      accountingMethod: view.contract.accountingMethod,
      locale,
      headerRow: layout.headerRow,
      firstDataRow: layout.firstDataRow,
      lastDataRow: layout.lastDataRow,
      columns: layout.cols.list.map((c) => ({ key: c.key, letter: c.letter, index: c.index, editField: c.editField ?? null, isSummed: c.isSummed === true })),
      rowByLineId: Object.fromEntries(layout.rowByLineId),
      editableByLine: Object.fromEntries(layout.rows.filter((r) => r.lineId).map((r) => [r.lineId!, canEdit ? r.editable : []])),
      g702Cells: {} as SheetInfo['g702Cells'],
      coCells: {} as SheetInfo['coCells'],
      columnView,
      grouped: grouped && layout.rows.some((r) => r.kind === 'subtotal'),
      canEdit,
      groups: groupsOf(layout),
    };

    // Final sync: table, formats, editable cells, outline, protection, G702, binding.
    const lastCol = layout.cols.list.length - 1;
    const table = g703.tables.add(rangeA1(layout.headerRow, 0, Math.max(layout.lastDataRow, layout.firstDataRow), lastCol), true);
    table.name = tableName;
    table.style = 'TableStyleLight9';
    queueColumnWidths(g703, info);
    queueColumnView(g703, info, columnView);
    if (opts.rowHeight) queueRowHeight(g703, info, opts.rowHeight);
    queueEditableCells(g703, info);
    if (info.grouped && supportsOutline()) queueOutline(g703, info);
    g703.freezePanes.freezeRows(layout.headerRow + 1);

    const g702Plan = planG702(view, layout, names.g703, locale);
    info.g702Cells = g702Plan.lineCells;
    info.coCells = g702Plan.coCells;
    const g702Range = g702.getRange(rangeA1(0, 0, g702Plan.grid.length - 1, 2));
    g702Range.numberFormat = g702Plan.formats;
    g702Range.formulas = g702Plan.grid;
    g702.getRange('A1').format.font.bold = true;
    g702.getRange('A:A').format.columnWidth = 380;
    g702.getRange('B:C').format.columnWidth = 110;

    const binding: InvoiceBinding = {
      invoiceId: view.invoice.id,
      projectId: view.invoice.projectId,
      contractId: view.invoice.contractId,
      invoiceNumber: view.invoice.number,
      g703Sheet: names.g703,
      g702Sheet: names.g702,
      g703SheetId: info.g703SheetId,
      g702SheetId: info.g702SheetId,
      tableName,
      syncedVersion: view.invoice.version,
      firstDataRow: layout.firstDataRow,
      lastDataRow: layout.lastDataRow,
      accountingMethod: view.contract.accountingMethod,
      locale,
      columnView,
      grouped: info.grouped,
      updatedAt: new Date().toISOString(),
    };
    queueWriteBinding(context, bindings, binding);
    if (opts.activate ?? true) g703.activate();
    await sync();
    recordOwnWrite(info.g703SheetId, rangeA1(layout.firstDataRow, 0, Math.max(layout.lastDataRow, layout.firstDataRow), lastCol));
    return { info, binding, syncCount };
  });
}
