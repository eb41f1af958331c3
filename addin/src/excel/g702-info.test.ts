// The G702 sheet's general information (every field of the AIA header, from view.generalInfo) and
// the 5a/5b retainage percentages, against the strict workbook double.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { retainageRates } from '@shared/engine/g702-rates';
import { fixtureViews } from '../workbook-double/demo-views';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { G702_INFO_FIRST_ROW, G702_LINE_ROWS } from './g702-plan';
import { writeG702Info } from './notice';
import { renderInvoice } from './render-invoice';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../../fixtures/g702-two-periods.json', import.meta.url)), 'utf8'));
const views = fixtureViews(fixture);
const terms = { workRetainageBps: 1000, storedRetainageBps: 500, retainageReduction: null };
const info = {
  applicationDate: '2025-02-28',
  toName: 'Harbor Point Holdings LLC',
  fromName: 'Northwind Builders Inc.',
  architect: 'Ruiz & Partners Architects',
  contractDate: '2024-12-02',
  projectName: 'Riverside Medical Office Building',
  projectAddress: '1200 River Rd',
  projectNumber: '2026-014',
  contractFor: 'Tower B shell and core',
  overridden: ['projectNumber' as const],
};

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

/** Column A label → column B value of the general-information block. */
const block = (values: unknown[][]) => Object.fromEntries(values.slice(G702_INFO_FIRST_ROW, G702_INFO_FIRST_ROW + 10).map((r) => [r[0], r[1]]));

describe('G702 sheet: general information and retainage rates', () => {
  it('carries every general-information field of the invoice', async () => {
    wb = installWorkbookDouble();
    const view = { ...views[1], generalInfo: info };
    const { info: sheet } = await renderInvoice(view, { terms });
    const g702 = wb.getSheetSnapshot(sheet.g702Sheet);
    expect(block(g702.values)).toEqual({
      'To owner/client': 'Harbor Point Holdings LLC',
      Project: 'Riverside Medical Office Building, 1200 River Rd',
      'Application no.': 2,
      'Application date': '2025-02-28',
      Period: `${view.invoice.billingPeriod.start} – ${view.invoice.billingPeriod.end}`,
      'Project no.': '2026-014',
      'From contractor': 'Northwind Builders Inc.',
      'Via architect/engineer': 'Ruiz & Partners Architects',
      'Contract date': '2024-12-02',
      'Contract for': 'Tower B shell and core',
    });
  });

  it("labels follow the sheets' language; the block is rewritten in place, in that language, when the information changes", async () => {
    wb = installWorkbookDouble();
    const { info: sheet } = await renderInvoice({ ...views[0], generalInfo: info }, { terms, locale: 'es-MX' });
    expect(block(wb.getSheetSnapshot(sheet.g702Sheet).values)['N.º de proyecto']).toBe('2026-014');
    await writeG702Info(sheet, { ...views[0], generalInfo: { ...info, projectNumber: '2026-015', toName: 'Otro cliente' } });
    const after = block(wb.getSheetSnapshot(sheet.g702Sheet).values);
    expect(after['N.º de proyecto']).toBe('2026-015');
    expect(after['Al propietario/cliente']).toBe('Otro cliente');
  });

  for (const [i, label] of [
    [0, 'invoice 1'],
    [1, 'invoice 2'],
  ] as const) {
    it(`${label}: 5a/5b rates are live formulas equal to the server's effective rates`, async () => {
      wb = installWorkbookDouble();
      const view = views[i];
      const { info: sheet } = await renderInvoice(view, { terms });
      const g702 = wb.getSheetSnapshot(sheet.g702Sheet);
      const rateCell = (row: number) => g702.values[row][2];
      const expected = retainageRates(view.totals, view.g702); // "10.00" or null
      const asFraction = (r: string | null) => (r === null ? '' : Number(r) / 100);
      expect(rateCell(G702_LINE_ROWS.line5aWorkRetainageCents)).toBeCloseTo(asFraction(expected.work) as number, 10);
      if (expected.stored === null) expect(rateCell(G702_LINE_ROWS.line5bStoredRetainageCents)).toBe('');
      else expect(rateCell(G702_LINE_ROWS.line5bStoredRetainageCents)).toBeCloseTo(asFraction(expected.stored) as number, 10);
      expect(g702.formulas[G702_LINE_ROWS.line5aWorkRetainageCents][2]).toMatch(/^=IF\(/);
      expect(g702.numberFormats[G702_LINE_ROWS.line5aWorkRetainageCents][2]).toBe('0.00%');
    });
  }
});
