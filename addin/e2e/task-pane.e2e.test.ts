// The task pane's own flows in the harness: sign in, pick demo invoice 3, the lock reasons, the
// change-order notice (review + add), status actions, groups, search, column views, languages.
import { expect, it } from 'vitest';
import { describeBrowser, env, screenshot, sheetNamed, useBrowser } from './fixtures';
import { api, openHarness, pickInvoice, waitForStatus } from './harness-driver.mjs';
import type { InvoiceView } from '../src/api/types';

describeBrowser('the task pane', () => {
  const browser = useBrowser();

  it('signs in with server URL + token, picks demo invoice 3 and opens it in the workbook', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: null });
    await expect.poll(() => page.locator('input[name=serverUrl]').inputValue()).toBe(env.baseUrl);
    await page.fill('input[name=token]', 'pb_wrong_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Sign-in failed: .*unknown, expired or revoked/).waitFor();
    await page.fill('input[name=token]', env.tokens.admin!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Ana Ruiz (Summit Builders Inc.)');
    // the token lives in the pane's storage, never in the workbook
    expect(await page.evaluate(() => localStorage.getItem('progress-billing.token'))).toBe(env.tokens.admin);

    // project (the admin's only one opens by itself) → contract → invoice 3
    const card = await pickInvoice(page, { contract: 'Harbor Point MOB – Prime Contract', invoiceNo: 3 });
    await card.getByText('Draft', { exact: true }).waitFor();
    await expect.poll(async () => (await card.getByTestId('invoice-amount-due').textContent()) ?? '').toMatch(/^\$[\d,]+\.\d\d/);
    await screenshot(page, 'pane-picker');

    await page.getByRole('button', { name: 'Open in workbook' }).click();
    await waitForStatus(page, (s) => s.text === 'Saved', 60_000);
    expect(await sheetNamed(page, 'G703 #3')).toBe('G703 #3');
    expect(await sheetNamed(page, 'G702 #3')).toBe('G702 #3');
    expect(await page.getByTestId('lock-banner').count()).toBe(0);
    const storage = await page.evaluate(() => JSON.stringify([...window.__workbook.book.settings.entries()]));
    expect(storage).not.toContain(env.tokens.admin!);

    // The change order approved after invoice 3 was created: review it, then add it (admin).
    const notice = page.getByTestId('co-notice');
    await notice.getByText('1 change order approved since this invoice was created').waitFor();
    await notice.getByRole('button', { name: 'Review' }).click();
    await notice.getByText('Owner-requested upgrade to lobby finishes').waitFor();
    expect(await notice.getByText('$12,750.00').count()).toBeGreaterThan(0);
    await screenshot(page, 'pane-change-orders');
    const before = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${env.invoiceIds['3']}`);
    await notice.getByRole('button', { name: 'Add selected to this invoice' }).click();
    await notice.getByText('1 change order added: scheduled values updated.').waitFor();
    await waitForStatus(page, (s) => s.text === 'Saved', 30_000);
    const after = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${env.invoiceIds['3']}`);
    expect(after.g702.line2NetChangeByChangeOrdersCents - before.g702.line2NetChangeByChangeOrdersCents).toBe(1_275_000);
    await page.context().close();
  });

  it('says why an invoice is not editable: not the latest, read-only access', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId: env.invoiceIds['2']! });
    const banner = page.getByTestId('lock-banner');
    expect(await banner.textContent()).toContain('Only the most recent invoice can be edited: Invoice #3 is the editable one.');
    expect(await page.locator('[data-action]').count()).toBe(0);
    await screenshot(page, 'pane-locked-not-latest');
    // one click to the editable one
    await banner.getByRole('button', { name: 'Open Invoice #3' }).click();
    await page.locator(`[data-testid=invoice-workspace][data-invoice-id="${env.invoiceIds['3']}"]`).waitFor();
    await waitForStatus(page, (s) => s.kind === 'saved', 30_000);
    expect(await page.getByTestId('lock-banner').count()).toBe(0);
    await page.context().close();

    const reader = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.readOnly!, invoiceId: env.invoiceIds['3']! });
    expect(await reader.getByTestId('lock-banner').textContent()).toContain('Read-only access: editing needs admin on Prime Contracts.');
    expect(await reader.locator('[data-action]').count()).toBe(0);
    // no editable cell on the sheet, and typing into one is refused like Excel's protection
    const sheet = await sheetNamed(reader, 'G703 #');
    expect(await reader.locator(`[data-sheet="${sheet}"] .hx-editable`).count()).toBe(0);
    await screenshot(reader, 'pane-read-only');
    await reader.context().close();
  });

  it('submits, returns for revision and approves, showing only allowed actions', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId: env.statusInvoiceId });
    const action = (to: string) => page.locator(`[data-action="${to}"]`);
    expect(await action('under_review').textContent()).toBe('Submit');
    expect(await action('approved').count()).toBe(0);
    await action('under_review').click();
    await page.getByTestId('status-action-message').getByText('Invoice #1 is now Under review.').waitFor();
    expect(await page.getByTestId('lock-banner').textContent()).toContain(
      'Invoice #1 is under review and locked. An admin can return it with Revise & resubmit.',
    );
    await action('revise_and_resubmit').click();
    await page.getByTestId('status-action-message').getByText('Invoice #1 is now Revise and resubmit.').waitFor();
    expect(await page.getByTestId('lock-banner').count()).toBe(0);
    await action('under_review').click();
    await action('approved').waitFor();
    await action('approved').click();
    await page.getByTestId('lock-banner').getByText('Approved invoices are locked.').waitFor();
    await waitForStatus(page, (s) => s.kind === 'saved');
    await screenshot(page, 'pane-approved');
    await page.context().close();
  });

  it('filters with search, switches column views, groups lines, in Spanish too', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId: env.invoiceIds['3']!, lang: 'es' });
    const sheet = await sheetNamed(page, 'G703 #');
    expect(await page.getByTestId('sync-status').textContent()).toBe('Guardado');
    await page.getByPlaceholder('Número de partida, código de costo o descripción').fill('concrete');
    await expect.poll(() => page.locator(`[data-sheet="${sheet}"] .hx-row[data-row]`).count(), { timeout: 10_000 }).toBeLessThan(30);
    const items = await page.locator(`[data-sheet="${sheet}"] [data-a1^="B"]`).allTextContents();
    expect(items.filter((t) => /concrete/i.test(t)).length).toBeGreaterThan(0);
    await screenshot(page, 'pane-search-es');
    await page.getByPlaceholder('Número de partida, código de costo o descripción').fill('');

    // compact view hides D (from previous application)
    await page.selectOption('select[name=columnView]', 'compact');
    await expect.poll(() => page.locator(`[data-sheet="${sheet}"] [data-a1="D8"]`).count()).toBe(0);
    await page.selectOption('select[name=columnView]', 'standard');
    await expect.poll(() => page.locator(`[data-sheet="${sheet}"] [data-a1="D8"]`).count()).toBe(1);

    // a new group with lines 001–003, then the grouped outline with its subtotal row
    await page.getByTestId('tab-groups').click();
    await page.getByPlaceholder('Nombre del nuevo grupo').fill('Fase E2E');
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.locator('[data-group="Fase E2E"]').waitFor();
    // rows 8–10 (lines 001–003) selected on the sheet by their row numbers, as in Excel
    await page.locator(`[data-sheet="${sheet}"] .hx-row[data-row="8"] .hx-rowhdr`).click();
    await page.locator(`[data-sheet="${sheet}"] .hx-row[data-row="10"] .hx-rowhdr`).click({ modifiers: ['Shift'] });
    expect(await page.getByTestId('namebox').textContent()).toMatch(/^A8:[A-Z]+10$/);
    const target = await page.locator('select[name=targetGroup] option', { hasText: 'Fase E2E' }).getAttribute('value');
    await page.selectOption('select[name=targetGroup]', target!);
    await page.getByRole('button', { name: 'Asignar líneas seleccionadas' }).click();
    await page.getByText('3 líneas movidas a «Fase E2E».').waitFor();
    await page.getByTestId('tab-schedule').click();
    await page.getByRole('switch').check();
    await expect.poll(() => page.locator(`[data-sheet="${sheet}"]`).getByText('Subtotal: Fase E2E').count(), { timeout: 20_000 }).toBe(1);
    await waitForStatus(page, (s) => s.kind === 'saved');
    await screenshot(page, 'pane-grouped-es');
    await page.getByRole('switch').uncheck();
    await page.context().close();
  });
});
