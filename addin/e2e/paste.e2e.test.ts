// The paste flows on a 600-line invoice: 500 values into column E (Saving… then Saved,
// G702 line 8 on the sheet = the API's), and a block with bad cells (marked, the rest saved).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { G702_LINE_ROWS } from '../src/excel/g702-plan';
import { computedCellToCents } from '../src/excel/units';
import { formatCents } from '@shared/money';
import { centsOf, describeBrowser, env, screenshot, sheetNamed, useBrowser } from './fixtures';
import { api, cellValue, openHarness, pasteTsv, statusLog, waitForStatus } from './harness-driver.mjs';
import type { InvoiceView } from '../src/api/types';

const FIRST_DATA_ROW = 8; // G703 header block rows 1–6, table header row 7

describeBrowser('paste into the G703 sheet', () => {
  const browser = useBrowser();
  let page: Page;
  let g703: string;
  let g702: string;
  const getInvoice = () => api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${env.largeInvoiceId}`);
  const linesInOrder = (v: InvoiceView) => [...v.lines].sort((a, b) => a.position - b.position);

  beforeAll(async () => {
    page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId: env.largeInvoiceId });
    g703 = await sheetNamed(page, 'G703 #');
    g702 = await sheetNamed(page, 'G702 #');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('takes 500 values pasted into column E: "Saving…" then "Saved", and the sheet’s G702 line 8 equals the API’s', async () => {
    // Exact decimal strings; the expected cents come from the text, never from float math.
    const values = Array.from({ length: 500 }, (_, i) => `${100 + (i % 97)}.${String((i * 7) % 100).padStart(2, '0')}`);
    const pastedAt = await pasteTsv(page, g703, `E${FIRST_DATA_ROW}`, `${values.join('\n')}\n`);
    await waitForStatus(page, (s) => s.kind === 'saved', 60_000);

    const log = (await statusLog(page)).filter((e) => e.at >= pastedAt);
    const saving = log.findIndex((e) => e.kind === 'saving' && /^Saving( [\d,]+ cells?)?…$/.test(e.text));
    const saved = log.findIndex((e, i) => i > saving && e.text === 'Saved');
    expect(saving, JSON.stringify(log)).toBeGreaterThanOrEqual(0);
    expect(saved, JSON.stringify(log)).toBeGreaterThan(saving);
    expect(log[saving]!.text).toBe('Saving 500 cells…');

    const view = await getInvoice();
    const lines = linesInOrder(view);
    expect(lines.slice(0, 500).map((l) => l.workCompletedThisPeriodCents)).toEqual(values.map(centsOf));
    expect(lines[500]!.workCompletedThisPeriodCents).toBe(0);

    // Line 8 as the sheet computes it (live formulas over the G703) and as the grid shows it.
    const line8Row = G702_LINE_ROWS.line8CurrentPaymentDueCents + 1;
    const onSheet = computedCellToCents(await cellValue(page, g702, `B${line8Row}`));
    expect(onSheet).toBe(view.g702.line8CurrentPaymentDueCents);
    await page.locator(`[data-testid="sheet-tab-${g702}"]`).click();
    const shown = await page.locator(`[data-sheet="${g702}"] [data-a1="B${line8Row}"]`).textContent();
    expect(shown).toBe(formatCents(view.g702.line8CurrentPaymentDueCents));
    expect(await page.getByTestId('amount-due').textContent()).toBe(`$${formatCents(view.g702.line8CurrentPaymentDueCents)}`);
    await page.locator(`[data-sheet="${g702}"] [data-a1="B${line8Row}"]`).click();
    await screenshot(page, 'paste-500-g702');
    await page.locator(`[data-testid="sheet-tab-${g703}"]`).click();
    await screenshot(page, 'paste-500-g703');
  });

  it('marks "12,34x" and "-" with the server’s message and saves every valid cell of the block', async () => {
    const before = linesInOrder(await getInvoice());
    const block = ['250.25', '12,34x', '300', '-', '410.10', '0.99', '1,234.50', '75'];
    const bad = new Set([1, 3]);
    await pasteTsv(page, g703, `E${FIRST_DATA_ROW}`, block.join('\n'));
    const final = await waitForStatus(page, (s) => s.kind !== 'saving' && s.kind !== 'pending' && /could not be saved/.test(s.text), 30_000);
    expect(final.text).toMatch(/^2 cells could not be saved \(marked on the sheet\): /);

    for (const i of bad) {
      const cell = page.locator(`[data-sheet="${g703}"] [data-a1="E${FIRST_DATA_ROW + i}"]`);
      // the user's value stays in the cell, with a fill and a note carrying the server's message
      expect(await cell.textContent()).toBe(block[i]);
      expect(await cell.getAttribute('data-note')).toMatch(/not an amount|amount/i);
      expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    }
    const after = linesInOrder(await getInvoice());
    block.forEach((text, i) => {
      const expected = bad.has(i) ? before[i]!.workCompletedThisPeriodCents : centsOf(text.replace(/,/g, ''));
      expect(after[i]!.workCompletedThisPeriodCents, `row ${FIRST_DATA_ROW + i} (${text})`).toBe(expected);
    });
    // the line's other cells and the rest of the schedule are untouched
    expect(after.slice(block.length, 500).map((l) => l.workCompletedThisPeriodCents)).toEqual(
      before.slice(block.length, 500).map((l) => l.workCompletedThisPeriodCents),
    );

    await page.locator(`[data-sheet="${g703}"] [data-a1="E${FIRST_DATA_ROW + 1}"]`).click();
    expect(await page.getByTestId('note-bar').textContent()).toMatch(/12,34x/);
    await screenshot(page, 'paste-bad-cells');

    // Correcting a marked cell clears its mark and saves it.
    await pasteTsv(page, g703, `E${FIRST_DATA_ROW + 1}`, '12.34\n');
    await pasteTsv(page, g703, `E${FIRST_DATA_ROW + 3}`, '5\n');
    await waitForStatus(page, (s) => s.text === 'Saved', 30_000);
    const fixed = linesInOrder(await getInvoice());
    expect([fixed[1]!.workCompletedThisPeriodCents, fixed[3]!.workCompletedThisPeriodCents]).toEqual([1234, 500]);
    expect(await page.locator(`[data-sheet="${g703}"] [data-a1="E${FIRST_DATA_ROW + 1}"]`).getAttribute('data-note')).toBeNull();
  });
});
