// The G702 sheet's live formulas, evaluated by a spreadsheet engine (HyperFormula inside the
// workbook double), reproduce the server's lines 1–9, 5a/5b and the change order summary to the
// cent for both invoices of fixtures/g702-two-periods.json.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureViews } from '../workbook-double/demo-views';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { renderInvoice } from './render-invoice';
import { compareG702, readG702Values } from './read';
import { computedCellToCents } from './units';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../../fixtures/g702-two-periods.json', import.meta.url)), 'utf8'));
const views = fixtureViews(fixture);
const terms = { workRetainageBps: 1000, storedRetainageBps: 500, retainageReduction: null };

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

describe('G702 formulas over the G703 table (fixture g702-two-periods)', () => {
  it('the views built with the engine are the fixture figures', () => {
    fixture.invoices.forEach((inv: { expectedG702: Record<string, number> }, i: number) => expect(views[i].g702).toEqual(inv.expectedG702));
  });

  for (const [label, options] of [
    ['retainage as live formulas (contract terms known)', { terms }],
    ['retainage as server values', { terms: null }],
    ['grouped view with subtotal rows', { terms, grouped: true }],
  ] as const) {
    it(`both invoices, ${label}: lines 1–9, 5a/5b and the CO summary equal the server to the cent`, async () => {
      wb = installWorkbookDouble();
      for (const [i, view] of views.entries()) {
        const v =
          options === undefined
            ? view
            : { ...view, lines: view.lines.map((l, k) => ({ ...l, groupId: k < 2 ? 'g1' : null, groupName: k < 2 ? 'Sitework' : null })) };
        const { info } = await renderInvoice(v, options);
        const expected = fixture.invoices[i];
        const sheet = await readG702Values(info);
        expect(sheet.g702).toEqual(expected.expectedG702);
        expect(sheet.changeOrderSummary).toEqual(expected.expectedChangeOrderSummary);
        expect(compareG702(sheet, view)).toEqual([]);
        // the G702 cells really are formulas, except line 7 (frozen on the server)
        const g702 = wb.getSheetSnapshot(info.g702Sheet);
        const formulaAt = (a1: string) => {
          const m = /^([A-Z])(\d+)$/.exec(a1)!;
          return g702.formulas[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
        };
        for (const [line, a1] of Object.entries(info.g702Cells)) {
          if (line === 'line7PreviousCertificatesCents') expect(formulaAt(a1)).toBeNull();
          else expect(formulaAt(a1), line).toMatch(/^=/);
        }
      }
    });
  }

  it('typing in column E moves line 4 and line 8 before any sync', async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(views[0], { terms });
    const row = info.rowByLineId['line-1'];
    const e = info.columns.find((c) => c.key === 'thisPeriod')!;
    await wb.setValuesAsUser(info.g703Sheet, `${e.letter}${row + 1}`, [[7234.45]]); // +1,000.00
    const sheet = await readG702Values(info);
    expect(sheet.g702.line4TotalCompletedAndStoredCents).toBe(views[0].g702.line4TotalCompletedAndStoredCents + 100_000);
    // line 8 moves by 1,000.00 less 10% retainage
    expect(sheet.g702.line8CurrentPaymentDueCents).toBe(views[0].g702.line8CurrentPaymentDueCents + 90_000);
  });

  it('a bad cell counts as 0 on the sheet instead of breaking every total', async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(views[0], { terms });
    const e = info.columns.find((c) => c.key === 'thisPeriod')!;
    await wb.setValuesAsUser(info.g703Sheet, `${e.letter}${info.rowByLineId['line-1'] + 1}`, [['12,34x']]);
    const sheet = await readG702Values(info);
    expect(sheet.g702.line4TotalCompletedAndStoredCents).toBe(views[0].g702.line4TotalCompletedAndStoredCents - 623_445);
    expect(computedCellToCents('12,34x')).toBeNull();
  });
});
