// A retainage release invoice in the workbook: only the release column is an input (E, F and %
// stay locked and untinted like computed cells, so a typed value is put back by the session), and
// the G702 sheet is titled as a release, in the sheets' language.
import { afterEach, describe, expect, it } from 'vitest';
import { largeView } from '../workbook-double/demo-views';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { renderInvoice } from './render-invoice';
import { editableFields } from './layout';
import { INPUT_FILL } from './sheet-format';
import { sheetLabels } from './sheet-labels';
import { touchesGuardedCells } from './restore';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

const releaseView = (n: number) => {
  const view = largeView(n);
  return { ...view, invoice: { ...view.invoice, kind: 'retainage_release' as const } };
};

describe('a retainage release invoice on the sheets', () => {
  it('editable fields: the release only, on amount and unit lines alike; a progress invoice keeps E, F and %', () => {
    const contract = largeView(1).contract;
    const amount = { contract: { ...contract, accountingMethod: 'amount' as const }, invoice: { kind: 'retainage_release' as const } };
    expect(editableFields(amount, { hasSubtotalOverride: false })).toEqual(['retainageReleased']);
    expect(editableFields({ ...amount, contract: { ...contract, accountingMethod: 'unit' as const } }, { hasSubtotalOverride: false })).toEqual([
      'retainageReleased',
    ]);
    expect(editableFields({ ...amount, invoice: { kind: 'progress' as const } }, { hasSubtotalOverride: false })).toEqual([
      'workCompletedThisPeriod',
      'materialsPresentlyStored',
      'retainageReleased',
      'percentComplete',
    ]);
  });

  it('E, F and % are locked and untinted, the release column is an input; the G702 title says release (en, fr)', async () => {
    wb = installWorkbookDouble();
    const view = releaseView(10);
    const { info } = await renderInvoice(view);
    const snap = wb.getSheetSnapshot(info.g703Sheet);
    const col = (k: string) => info.columns.find((c) => c.key === k)!.index;
    for (let r = info.firstDataRow; r <= info.lastDataRow; r++) {
      for (const k of ['thisPeriod', 'stored', 'percent']) expect(snap.locked[r][col(k)], `${k} row ${r}`).toBe(true);
      expect(snap.locked[r][col('releaseThisPeriod')]).toBe(false);
      expect(snap.fills[r][col('releaseThisPeriod')]).toBe(INPUT_FILL);
      expect(snap.fills[r][col('thisPeriod')]).not.toBe(INPUT_FILL);
    }
    expect(Object.values(info.editableByLine).every((f) => f.length === 1 && f[0] === 'retainageReleased')).toBe(true);
    const g702 = wb.getSheetSnapshot(info.g702Sheet);
    expect(g702.values[0][0]).toBe('APPLICATION AND CERTIFICATE FOR PAYMENT (AIA G702) — RETAINAGE RELEASE');
    wb.uninstall();

    wb = installWorkbookDouble();
    const fr = await renderInvoice(releaseView(3), { locale: 'fr' });
    expect(wb.getSheetSnapshot(fr.info.g702Sheet).values[0][0]).toBe('DEMANDE ET CERTIFICAT DE PAIEMENT (AIA G702) — LIBÉRATION DE RETENUE');
    // a progress invoice keeps the form's title
    wb.uninstall();
    wb = installWorkbookDouble();
    const progress = await renderInvoice(largeView(3));
    expect(wb.getSheetSnapshot(progress.info.g702Sheet).values[0][0]).toBe(sheetLabels('en').g702.title);
  });

  it('typing into E, F or % of a release invoice is caught as a guarded cell (put back); the release column is not', async () => {
    wb = installWorkbookDouble();
    const { info } = await renderInvoice(releaseView(3));
    const at = (k: string) => `${info.columns.find((c) => c.key === k)!.letter}${info.firstDataRow + 1}`;
    for (const k of ['thisPeriod', 'stored', 'percent']) expect(touchesGuardedCells(info, at(k)), k).toBe(true);
    expect(touchesGuardedCells(info, at('releaseThisPeriod'))).toBe(false);
    wb.uninstall();
    wb = installWorkbookDouble();
    const progress = await renderInvoice(largeView(3));
    const atP = (k: string) => `${progress.info.columns.find((c) => c.key === k)!.letter}${progress.info.firstDataRow + 1}`;
    expect(touchesGuardedCells(progress.info, atP('thisPeriod'))).toBe(false);
  });
});
