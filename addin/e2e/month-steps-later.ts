// The second half of the month (month.e2e.test.ts): SOV import, change order, email,
// compiled backups, through the screens of addin/src/ui/change-orders, addin/src/ui/emails and
// addin/src/ui/billing, by their test ids (the same in every language).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './private-worker.mjs';
import { extendSelectionTo, pasteTsv, selectCell } from './harness-driver.mjs';
import type { Lang } from './month-steps';

/** Amounts as a user of the language types them: 5000.00 / 5000,00 (no thousands separator). */
export const typedAmount = (lang: Lang, cents: number) => (lang === 'en' ? (cents / 100).toFixed(2) : (cents / 100).toFixed(2).replace('.', ','));

/** Contract screen → Change orders: one change order on an existing line, then approved on a date. */
export async function createAndApproveChangeOrder(
  page: Page,
  lang: Lang,
  co: { title: string; lineText: string; optionName: string; cents: number; approvedOn: string },
) {
  await page.getByTestId('contract-tab-change-orders').click();
  await page.getByTestId('co-create').click();
  await page.getByTestId('co-title').fill(co.title);
  await page.getByTestId('co-row-0-line').click();
  await page.getByTestId('co-row-0-line').fill(co.lineText);
  await page.getByRole('option', { name: co.optionName }).click();
  await page.getByTestId('co-row-0-amount').fill(typedAmount(lang, co.cents));
  await page.getByTestId('co-save').click();
  const row = page.getByTestId('co-1');
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('pending');
  await page.getByTestId('co-1-approve').click();
  await page.getByTestId('co-1-date').fill(co.approvedOn);
  await page.getByTestId('co-1-confirm').click();
  await page.locator('[data-testid=co-1][data-status=approved]').waitFor();
}

/** The open invoice's Emails tab: one message to the owner's address; the yellow bar confirms it. */
export async function emailInvoice(page: Page, to: string, message: string) {
  await page.getByTestId('tab-emails').click();
  await page.getByTestId('email-compose').click();
  const form = page.getByTestId('email-form');
  await form.locator('input[name=to]').fill(to);
  await form.getByTestId('add-to').click();
  await form.locator('textarea[name=message]').fill(message);
  await form.getByTestId('email-send').click();
  await form.getByTestId('email-notice').waitFor();
}

/**
 * Project → Invoices: the period's invoices (the `periodIndex`-th period of the list), all ticked,
 * compiled; waits for "ready" and downloads part 1. Returns the job id and the downloaded bytes.
 */
export async function compileBackups(page: Page, periodIndex: number, expectedInvoiceIds: string[], saveAs: string) {
  await page.getByTestId('project-tab-invoices').click();
  await page.getByTestId('period-select').click();
  // the dropdown's own list (native <select>s on the page have options too)
  await page.getByRole('listbox').getByRole('option').nth(periodIndex).click();
  const rows = page.getByTestId('period-invoice');
  await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-invoice-id')))).toEqual(expectedInvoiceIds);
  await page.getByTestId('invoice-select-all').click();
  const job = page.getByTestId('backup-job');
  const before = (await job.count()) ? await job.getAttribute('data-job-id') : null;
  await page.getByTestId('compile-backups-button').click();
  await page.locator(`[data-testid=backup-job]:not([data-job-id="${before ?? ''}"])`).waitFor();
  await page.getByTestId('backup-ready').waitFor({ timeout: 90_000 });
  const jobId = (await page.getByTestId('backup-job').getAttribute('data-job-id'))!;
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('backup-download-1').click()]);
  const path = join(repoRoot, 'test-artifacts', 'month', saveAs);
  await download.saveAs(path);
  return { jobId, fileName: download.suggestedFilename(), bytes: readFileSync(path) };
}

/**
 * Contract screen → SOV: the export pasted into a new sheet with one mistyped amount, the block
 * selected and read, the bad cell named, fixed on the sheet, read again, imported, approved.
 * `rows` include the header row; `bad` is the 0-based data row whose amount is mistyped first.
 */
export async function importSovFromSelection(page: Page, rows: string[][], bad: { index: number; text: string }, shot: (name: string) => Promise<void>) {
  await page.getByTestId('contract-tab-sov').click();
  await page.getByTestId('add-sheet').click();
  const sheet = (await page.evaluate(() => window.__workbook.sheetNames())).at(-1)!;
  const amountCol = rows[0]!.length - 1; // the amount is the last column of the export
  const letter = String.fromCharCode(65 + amountCol);
  const typed = rows.map((r, i) => (i === bad.index + 1 ? [...r.slice(0, amountCol), bad.text] : r));
  await pasteTsv(page, sheet, 'A1', typed.map((r) => r.join('\t')).join('\n'));
  await selectCell(page, sheet, 'A1');
  await extendSelectionTo(page, sheet, `${letter}${rows.length}`);
  await page.getByTestId('sov-read-selection').click();
  await page.getByTestId('sov-source').waitFor({ timeout: 30_000 });
  // the columns as the user maps them (whatever the export's headers say)
  for (const [field, col] of [
    ['itemNo', 0],
    ['costCode', 1],
    ['description', 2],
    ['scheduledValueCents', amountCol],
  ] as const)
    await page.getByTestId(`sov-map-${field}`).selectOption(String(col));
  await expect.poll(() => page.getByTestId('sov-problem').count(), { timeout: 20_000 }).toBe(1);
  const problem = (await page.getByTestId('sov-problem').textContent()) ?? '';
  expect(problem).toContain(String(bad.index + 2)); // the sheet row of the bad cell (row 1 is the header)
  expect(problem).toContain(bad.text);
  expect(await page.getByTestId('sov-import-button').isDisabled()).toBe(true);
  await shot('sov-bad-cell');
  await pasteTsv(page, sheet, `${letter}${bad.index + 2}`, rows[bad.index + 1]![amountCol]!);
  await page.getByTestId('sov-read-again').click();
  await expect.poll(() => page.getByTestId('sov-problems').count(), { timeout: 20_000 }).toBe(0);
  await page.getByTestId('sov-import-button').click();
  await page.getByTestId('sov-done').waitFor({ timeout: 30_000 });
  await shot('sov-imported');
  await page.getByTestId('sov-approve').click();
  await expect.poll(() => page.getByTestId('contract-screen').getAttribute('data-status'), { timeout: 20_000 }).toBe('approved');
  await shot('contract-approved');
}
