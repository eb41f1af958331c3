// Steps of the accountant's month (month.e2e.test.ts) in the harness, one screen at a time, by
// the pane's test ids and field names (the same in every language); the words a user reads are
// asserted from the pane's own catalogues in the language under test.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { contractLabels } from '../src/ui/contract/labels';
import { projectLabels } from '../src/ui/project/labels';
import { repoRoot } from './private-worker.mjs';

export type Lang = 'en' | 'es' | 'fr';

/** Screenshots under test-artifacts/month/<lang>/NN-name.png, numbered in the order taken. */
export function shooter(page: Page, lang: Lang) {
  const dir = join(repoRoot, 'test-artifacts', 'month', lang);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (name: string) => {
    n += 1;
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`) });
  };
}

/** The project screen's "New project" form (a new user with no project sees it at once). */
export async function createProject(page: Page, lang: Lang, p: { name: string; number: string }) {
  const L = projectLabels(lang);
  await page.getByText(L.noProjects).waitFor();
  const form = page.getByTestId('new-project-form');
  await form.locator('input[name=projectName]').fill(p.name);
  await form.locator('input[name=projectNumber]').fill(p.number);
  await form.getByRole('button', { name: L.create }).click();
  await page.locator('select[name=project]').waitFor();
  await expect.poll(() => page.getByTestId('project-screen').getAttribute('data-project-id')).not.toBe('');
  return (await page.getByTestId('project-screen').getAttribute('data-project-id'))!;
}

/** Billing periods tab: `count` monthly periods from `start`, due `dueDays` after each ends. */
export async function createMonthlyPeriods(
  page: Page,
  lang: Lang,
  p: { start: string; count: number; dueDays: number },
  shot: (name: string) => Promise<void>,
) {
  const L = projectLabels(lang);
  await page.getByTestId('project-tab-periods').click();
  await page.getByTestId('new-periods').click();
  const form = page.getByTestId('period-form');
  await form.locator('input[name=period-start]').fill(p.start);
  await form.locator('input[name=period-count]').fill(String(p.count));
  await form.locator('input[name=period-due-days]').fill(String(p.dueDays));
  await form.getByTestId('period-preview').waitFor();
  await shot('billing-periods-form');
  await form.getByRole('button', { name: L.createPeriods }).click();
  await page.getByText(L.created(p.count)).waitFor();
  await expect.poll(() => page.getByTestId('period-row').count()).toBe(p.count);
}

export type ContractInput = { title: string; architect: string; contractDate: string; workRetainage: string; storedRetainage: string; description: string };

/**
 * "New contract" on the Contracts tab: a prime, amount-based contract. The work retainage is first
 * typed with three decimals (5.555) to see the pane refuse it on that field, then corrected.
 */
export async function createContract(page: Page, lang: Lang, c: ContractInput, shot: (name: string) => Promise<void>) {
  const C = contractLabels(lang);
  await page.getByTestId('project-tab-contracts').click();
  await page.getByTestId('new-contract').click();
  const form = page.getByTestId('contract-form');
  await form.locator('input[name=title]').fill(c.title);
  await form.locator('input[name=contractDate]').fill(c.contractDate);
  await form.locator('input[name=architect]').fill(c.architect);
  await form.locator('textarea[name=description]').fill(c.description);
  await form.locator('input[name=workRetainage]').fill('5.555');
  await form.locator('input[name=storedRetainage]').fill(c.storedRetainage);
  await form.getByTestId('contract-save').click();
  await form.getByText(C.pctTooPrecise).waitFor();
  await shot('contract-percent-refused');
  await form.locator('input[name=workRetainage]').fill(c.workRetainage);
  await expect.poll(() => form.getByText(C.pctTooPrecise).count()).toBe(0);
  await form.getByTestId('contract-save').click();
  await page.getByTestId('contract-screen').waitFor();
  return (await page.getByTestId('contract-screen').getAttribute('data-contract-id'))!;
}

/** Contract → Invoices tab → "Create next invoice" for the first open period, with or without backup. */
export async function createNextInvoice(page: Page, lang: Lang, p: { includeBackup: boolean; number: number }) {
  const C = contractLabels(lang);
  await page.getByTestId('contract-tab-invoices').click();
  await page.getByTestId('create-next-invoice').click();
  const form = page.getByTestId('new-invoice-form');
  await form.locator('select[name=invoicePeriod] option').first().waitFor({ state: 'attached' });
  const backup = form.getByRole('checkbox', { name: C.includeBackup });
  if (p.includeBackup) await backup.check();
  expect(await backup.isChecked()).toBe(p.includeBackup);
  await form.getByRole('button', { name: C.createInvoice }).click();
  await page.getByTestId('invoice-created').getByText(C.created(p.number)).waitFor();
  const card = page.locator(`[data-testid=invoice-row][aria-label="${C.invoiceNo(p.number)}"][data-selected=true]`);
  await card.waitFor();
  // a draft's amount due is read live from the invoice: wait for the figure
  await expect.poll(async () => (await card.getByTestId('invoice-amount-due').textContent()) ?? '').toMatch(/\d/);
  return (await card.getAttribute('data-invoice-id'))!;
}
