// The sheets' language: written in the pane's language the first time, kept by every later
// redraw (the shared workbook does not switch language with whoever refreshes it), and columns
// found by their header in any language (a co-author's add-in may have redrawn them in its own:
// locate.ts). Expected texts are literals, not read back from sheet-labels.ts.
import { LOCALES } from '@shared/i18n/locales';
import { afterEach, describe, expect, it } from 'vitest';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { largeView } from '../workbook-double/demo-views';
import { rangeA1 } from './a1';
import { readBinding } from './binding';
import { columnsFor } from './columns';
import { headerKeys, locateColumns } from './locate';
import { renderInvoice } from './render-invoice';
import { runBatch } from './run';
import type { SheetInfo } from './sheet-info';
import { sheetLabels } from './sheet-labels';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

const located = (info: SheetInfo) => runBatch((context) => locateColumns(context, context.workbook.worksheets.getItem(info.g703Sheet), info));

describe('sheet language', () => {
  it('every header text names one column, in every language', () => {
    for (const locale of LOCALES)
      for (const [key, text] of Object.entries(sheetLabels.byLocale[locale].g703.columns)) expect([locale, headerKeys.get(text)]).toEqual([locale, key]);
  });

  it("is the pane's the first time (G703 header block, column headers, G702 labels) and stays when a French pane redraws it", async () => {
    wb = installWorkbookDouble({ displayLanguage: 'es-ES' });
    const view = largeView(5);
    const { info } = await renderInvoice(view, { locale: 'es-ES' });
    expect(info.locale).toBe('es');
    expect((await readBinding(view.invoice.id))?.locale).toBe('es');
    const g703 = wb.getSheetSnapshot(info.g703Sheet).values;
    expect(g703[0][0]).toBe('HOJA DE CONTINUACIÓN (AIA G703)');
    expect(g703[3][0]).toBe(`Solicitud n.º: ${view.invoice.number}`);
    expect(g703[5][0]).toBe('Estado: borrador (editable)');
    const header = g703[info.headerRow];
    expect(header[info.columns.find((c) => c.key === 'thisPeriod')!.index]).toBe('E · Obra ejecutada este período');
    expect(header[info.columns.find((c) => c.key === 'lineId')!.index]).toBe('ID de línea');
    const g702 = wb.getSheetSnapshot(info.g702Sheet).values;
    expect(g702[0][0]).toBe('SOLICITUD Y CERTIFICADO DE PAGO (AIA G702)');
    const line8Row = Number(info.g702Cells.line8CurrentPaymentDueCents.slice(1)) - 1;
    expect(g702[line8Row][0]).toBe('8. Pago actual adeudado');
    // the G702 formulas still find the G703 figures
    expect(Math.round((g702[line8Row][1] as number) * 100)).toBe(view.g702.line8CurrentPaymentDueCents);

    const again = await renderInvoice(view, { locale: 'fr-FR' });
    expect(again.info.locale).toBe('es');
    expect(wb.getSheetSnapshot(info.g703Sheet).values[0][0]).toBe('HOJA DE CONTINUACIÓN (AIA G703)');
  });

  it('a read-only invoice says why in the sheet language', async () => {
    wb = installWorkbookDouble();
    const view = largeView(3);
    Object.assign(view.invoice, {
      isEditable: false,
      isLatest: false,
      editableInvoiceNumber: 4,
      notEditableReason: 'Only the most recent invoice can be edited',
    });
    const { info } = await renderInvoice(view, { locale: 'fr' });
    expect(wb.getSheetSnapshot(info.g703Sheet).values[5][0]).toBe(
      'Statut : brouillon (Seule la facture la plus récente est modifiable : la facture n° 4 est celle-là.)',
    );
  });

  it('columns are found by their headers in any language, also a header a user retyped in another language', async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(largeView(5), { locale: 'fr' });
    const all = columnsFor(info.accountingMethod).list.length;
    // an English add-in (its copy of the binding not synced yet) reads the French sheet
    expect((await located({ ...info, locale: 'en' })).columns).toHaveLength(all);
    const e = info.columns.find((c) => c.key === 'thisPeriod')!;
    await wb.setValuesAsUser(info.g703Sheet, rangeA1(info.headerRow, e.index, info.headerRow, e.index), [['E · Work Completed This Period']]);
    const now = await located(info);
    expect(now.columns).toHaveLength(all);
    expect(now.columns.find((c) => c.key === 'thisPeriod')?.index).toBe(e.index);
    // the same column under two headers (French and Spanish) is a doubled header: not guessed
    const d = info.columns.find((c) => c.key === 'previous')!;
    await wb.setValuesAsUser(info.g703Sheet, rangeA1(info.headerRow, d.index, info.headerRow, d.index), [['E · Obra ejecutada este período']]);
    const doubled = await located(info);
    expect(doubled.columns.map((c) => c.key)).not.toContain('thisPeriod');
    expect(doubled.columns.map((c) => c.key)).not.toContain('previous');
  });
});
