// The G702 sheet's live formulas, evaluated by a spreadsheet engine (the workbook double's,
// workbook-double/formula/), reproduce the server's lines 1–9, 5a/5b and the change order summary to the
// cent for both invoices of fixtures/g702-two-periods.json.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { splitNetRetainage } from '@shared/engine/retainage';
import { entry, sov, terms as contractTerms, ZERO_PRIOR } from '@shared/engine/test-builders';
import { buildView, fixtureViews, type ViewSpec } from '../workbook-double/demo-views';
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

  // Releases come off work retainage first, then stored; the sheet's net columns (G702 5a/5b) must
  // split them as shared/engine splitNetRetainage does: below, equal to and above the work
  // retainage held, with earlier releases, on a credit line, and with none.
  const releaseSpec = (releaseOnLine3Cents: number): ViewSpec => {
    const line = (itemNo: string, scheduled: number, prior: Partial<typeof ZERO_PRIOR>, e: Parameters<typeof entry>[0]) => ({
      sov: sov(itemNo, { originalScheduledValueCents: scheduled }),
      prior: { ...ZERO_PRIOR, ...prior },
      entry: entry(e),
    });
    return {
      terms: contractTerms(),
      period: { start: '2026-10-01', end: '2026-10-31' },
      lines: [
        // work retainage round(10% × 7,234.45) = 723.45 (half away from zero), stored 5% × 412.35 = 20.62
        line(
          '1',
          2_000_000,
          { workCompletedToDateCents: 623_445, workRetainageCents: 62_345 },
          { workCompletedThisPeriodCents: 100_000, materialsPresentlyStoredCents: 41_235, retainageReleasedCents: 50_000 },
        ),
        line(
          '2',
          1_000_000,
          { workCompletedToDateCents: 300_000, workRetainageCents: 30_000 },
          { materialsPresentlyStoredCents: 10_000, retainageReleasedCents: 30_000 },
        ),
        line(
          '3',
          1_000_000,
          { workCompletedToDateCents: 400_005, workRetainageCents: 40_001 },
          { materialsPresentlyStoredCents: 125_005, retainageReleasedCents: releaseOnLine3Cents },
        ),
        line(
          '4',
          1_000_000,
          { workCompletedToDateCents: 500_000, workRetainageCents: 50_000, retainageReleasedToDateCents: 45_000 },
          { materialsPresentlyStoredCents: 20_000, retainageReleasedCents: 5_500 },
        ),
        line('5', 1_000_000, { workCompletedToDateCents: 500_000, workRetainageCents: 50_000 }, { workCompletedThisPeriodCents: -100_000 }),
        line('6', 1_000_000, {}, { workCompletedThisPeriodCents: 103_455, materialsPresentlyStoredCents: 1_005 }),
      ],
    };
  };

  it('releases below, equal to and above the work retainage held: net columns and 5a/5b equal the engine to the cent', async () => {
    wb = installWorkbookDouble();
    const view = buildView(releaseSpec(46_000)); // line 3: 40,000.50 work + 6,250.25 stored held, 460.00 released
    const { info } = await renderInvoice(view, { terms });
    const sheet = await readG702Values(info);
    expect(sheet.g702).toEqual(view.g702);
    expect(compareG702(sheet, view)).toEqual([]);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    const at = (lineId: string, key: string) => computedCellToCents(snap.values[info.rowByLineId[lineId]][info.columns.find((c) => c.key === key)!.index]);
    for (const l of view.lines) {
      const net = splitNetRetainage(l);
      expect([l.lineId, at(l.lineId, 'workRetainageNet'), at(l.lineId, 'storedRetainageNet'), at(l.lineId, 'retainage')]).toEqual([
        l.lineId,
        net.workNetCents,
        net.storedNetCents,
        l.retainageCents,
      ]);
    }
    // The split really is exercised: some release came off stored retainage, some line kept all its work retainage.
    expect(view.lines.some((l) => splitNetRetainage(l).storedNetCents < l.storedRetainageCents)).toBe(true);
    expect(view.lines.some((l) => splitNetRetainage(l).workNetCents === 0 && l.workRetainageCents > 0)).toBe(true);
  });

  it('typing a release larger than the work retainage held moves 5a and 5b as the engine does', async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(buildView(releaseSpec(0)), { terms });
    const k = info.columns.find((c) => c.key === 'releaseThisPeriod')!;
    await wb.setValuesAsUser(info.g703Sheet, `${k.letter}${info.rowByLineId['line-3'] + 1}`, [[4500.5]]);
    const typed = buildView(releaseSpec(450_050));
    const sheet = await readG702Values(info);
    expect(sheet.g702).toEqual(typed.g702);
    expect(typed.g702.line5bStoredRetainageCents).toBeLessThan(buildView(releaseSpec(0)).g702.line5bStoredRetainageCents);
  });
});
