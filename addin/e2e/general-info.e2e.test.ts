// The invoice's general information and the workbook features around it, in the harness against
// the real worker: edit the general information in the pane and see it on the G702 sheet; type
// 50% in the G703's % column and see E recomputed after the save; hide a column; search a cost
// code. The invoice is created through the API for this file (3 lines with cost codes).
import { expect, it } from 'vitest';
import type { InvoiceView } from '../src/api/types';
import { describeBrowser, env, screenshot, sheetNamed } from './fixtures';
import { api, cellValue, openHarness, selectCell, waitForStatus } from './harness-driver.mjs';
import { useBrowser } from './fixtures';

const HEADER_ROW = 7; // the G703 column headers (layout.ts G703_HEADER_ROW + 1)

async function createInvoice(): Promise<string> {
  const token = env.tokens.admin!;
  const { billingPeriods } = await api(env.baseUrl, token, 'GET', `/projects/${env.projectId}/billing-periods`);
  const contract = await api(env.baseUrl, token, 'POST', `/projects/${env.projectId}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'General info E2E',
    architect: 'Ruiz & Partners Architects',
    workRetainageBps: 1000,
    storedRetainageBps: 500,
  });
  await api(env.baseUrl, token, 'PUT', `/contracts/${contract.id}/sov`, {
    lines: [
      { itemNo: '001', costCode: '03-100', description: 'Footings', scheduledValueCents: 1_000_000 },
      { itemNo: '002', costCode: '03-200', description: 'Slab on grade', scheduledValueCents: 2_000_000 },
      { itemNo: '003', costCode: '05-120', description: 'Structural steel', scheduledValueCents: 3_000_000 },
    ],
  });
  await api(env.baseUrl, token, 'POST', `/contracts/${contract.id}/approve`);
  const invoice = await api(env.baseUrl, token, 'POST', `/contracts/${contract.id}/invoices`, { billingPeriodId: billingPeriods[0].id });
  return invoice.invoice.id;
}

/** Column letter of the G703 header, read from the sheet. */
async function letterOf(page: import('playwright-core').Page, sheet: string, header: string): Promise<string> {
  const snap = await page.evaluate((name) => window.__workbook.getSheetSnapshot(name), sheet);
  const col = snap.values[HEADER_ROW - 1].findIndex((v) => v === header);
  if (col < 0) throw new Error(`no column "${header}"`);
  return String.fromCharCode(65 + col);
}

describeBrowser('general information, % complete input, columns, cost-code search', () => {
  const browser = useBrowser();

  it('edits the G702 header in the pane, bills 50% from the sheet, hides a column, finds a cost code', async () => {
    const invoiceId = await createInvoice();
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId });
    await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
    const g703 = await sheetNamed(page, 'G703 #');
    const g702 = await sheetNamed(page, 'G702 #');

    // 1. General information: the defaults, then two fields set on this invoice
    await page.getByTestId('tab-general-info').click();
    const form = page.getByTestId('general-info-form');
    expect(await form.locator('input[name=architect]').inputValue()).toBe('Ruiz & Partners Architects');
    await form.locator('input[name=projectNumber]').fill('HP-2026-B');
    await form.locator('input[name=toName]').fill('Harbor Point Holdings LLC');
    await form.locator('input[name=applicationDate]').fill('2026-09-03');
    await page.getByTestId('general-info-save').click();
    await page.getByTestId('general-info-notice').getByText('Saved. The G702 sheet, the PDF and the email show it.').waitFor();
    await screenshot(page, 'general-info-form');
    const block = async () => {
      const snap = await page.evaluate((name) => window.__workbook.getSheetSnapshot(name), g702);
      return Object.fromEntries(snap.values.slice(2, 12).map((r) => [r[0], r[1]]));
    };
    await expect.poll(async () => (await block())['Project no.'], { timeout: 20_000 }).toBe('HP-2026-B');
    expect(await block()).toMatchObject({
      'To owner/client': 'Harbor Point Holdings LLC',
      'Application date': '2026-09-03',
      'Via architect/engineer': 'Ruiz & Partners Architects',
      'Contract for': expect.stringMatching(/General info E2E$/),
    });
    await page.locator(`[data-testid="sheet-tab-${g702}"]`).click();
    await screenshot(page, 'general-info-g702-sheet');
    const saved = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${invoiceId}`);
    expect(saved.generalInfo.overridden).toEqual(['applicationDate', 'toName', 'projectNumber']);

    // 2. "% complete" typed on line 002 (C = 20,000.00, D = 0): E = 20,000.00 × 50% = 10,000.00
    await page.getByTestId('tab-schedule').click();
    const pct = await letterOf(page, g703, '% (G ÷ C)');
    const e = await letterOf(page, g703, 'E · Work Completed This Period');
    await selectCell(page, g703, `${pct}9`);
    await page.keyboard.type('50%');
    await page.keyboard.press('Enter');
    await waitForStatus(page, (s) => s.kind === 'saved', 30_000, 300);
    await expect.poll(() => cellValue(page, g703, `${e}9`), { timeout: 20_000 }).toBe(10_000);
    expect(await cellValue(page, g703, `${pct}9`)).toBe(0.5);
    const billed = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${invoiceId}`);
    expect(billed.lines.find((l) => l.itemNo === '002')!.workCompletedThisPeriodCents).toBe(1_000_000);
    await screenshot(page, 'percent-complete-typed');

    // 3. Hide column D (from previous application), then show it again
    const d = await letterOf(page, g703, 'D · From Previous Application (D+E)');
    await page.locator('input[name=column-previous]').uncheck();
    await expect.poll(() => page.locator(`[data-sheet="${g703}"] [data-a1="${d}8"]`).count()).toBe(0);
    await page.getByTestId('columns-shared').waitFor();
    await screenshot(page, 'columns-hidden');
    await page.locator('input[name=column-previous]').check();
    await expect.poll(() => page.locator(`[data-sheet="${g703}"] [data-a1="${d}8"]`).count()).toBe(1);

    // 4. Search by cost code: "05-12" finds line 003 only
    await page.getByPlaceholder('Item number, cost code or description').fill('05-12');
    const items = async () => (await page.locator(`[data-sheet="${g703}"] [data-a1^="A"]`).allTextContents()).filter((t) => /^00\d$/.test(t));
    await expect.poll(items, { timeout: 10_000 }).toEqual(['003']);
    await screenshot(page, 'search-cost-code');
    await page.context().close();
  });
});
