// Change orders, attachments and compiled invoice backups, driven through the task pane in the
// harness: a change order created (one bad amount first) and approved on the contract screen and
// added to the latest invoice; backup files attached to an invoice by the picker and by drag and
// drop; a billing period's owner and subcontractor invoices listed, the subcontractor one reviewed
// and approved from the list, both ticked and compiled; "ready" with the corrupt file left out and
// why; the bar that reports a compilation finished on another tab; the download opened as a PDF.
// The API is called only to set up a fresh project and to read results.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, env, screenshot, useBrowser } from './fixtures';
import { api, openHarness } from './harness-driver.mjs';
import { repoRoot } from './private-worker.mjs';

type Ids = { primeId: string; subId: string; primeInv: string; subInv: string; periodId: string };
const fixture = (name: string) => join(repoRoot, 'fixtures', 'attachments', name);

/**
 * In the demo project (a project of its own would give the demo admin a second project, and the
 * other e2e files rely on the pane opening the only one): a billing period of its own in 2030, no
 * other file's invoices, and an approved prime contract and commitment, each with invoice 1 in it.
 */
async function setUp(): Promise<Ids> {
  const token = env.tokens.admin!;
  const call = <T = any>(method: string, path: string, body?: unknown) => api<T>(env.baseUrl, token, method, path, body);
  const { billingPeriods } = await call('POST', `/projects/${env.projectId}/billing-periods`, {
    schedule: 'manual',
    start: '2030-01-01',
    end: '2030-01-31',
    due: '2030-02-10',
  });
  const periodId = billingPeriods[0].id as string;
  const contract = async (kind: 'prime' | 'commitment', title: string, lines: Array<[string, string, number]>) => {
    const c = await call('POST', `/projects/${env.projectId}/contracts`, { kind, accountingMethod: 'amount', title, workRetainageBps: 1000 });
    await call('PUT', `/contracts/${c.id}/sov`, { lines: lines.map(([itemNo, description, cents]) => ({ itemNo, description, scheduledValueCents: cents })) });
    await call('POST', `/contracts/${c.id}/approve`);
    const inv = await call('POST', `/contracts/${c.id}/invoices`, { billingPeriodId: periodId });
    return { id: c.id as string, invoiceId: inv.invoice.id as string };
  };
  const prime = await contract('prime', 'E2E backups owner contract', [
    ['01', 'Site work', 5_000_000],
    ['02', 'Framing', 12_000_000],
  ]);
  const sub = await contract('commitment', 'E2E backups drywall subcontract', [['D1', 'Drywall', 3_000_000]]);
  return { primeId: prime.id, subId: sub.id, primeInv: prime.invoiceId, subInv: sub.invoiceId, periodId };
}

async function chooseProject(page: Page) {
  // the demo admin's only project opens by itself
  await page.locator(`[data-testid=project-screen][data-project-id="${env.projectId}"]`).waitFor();
}

/** Drops a file on the element as a user dragging it from the desktop would (a DataTransfer with the file). */
async function dropFile(page: Page, testId: string, path: string, name: string, type: string) {
  const b64 = readFileSync(path).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { b64, name, type },
  );
  await page.getByTestId(testId).dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

let ids: Ids;

describeBrowser('change orders, attachments and invoice backups in the pane', () => {
  const browser = useBrowser();

  beforeAll(async () => {
    if (!env.skipReason) ids = await setUp();
  });

  it('creates a change order (a bad amount named first), approves it and adds it to the latest invoice', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin! });
    await chooseProject(page);
    await page.getByTestId('contract-row').filter({ hasText: 'E2E backups owner contract' }).click();
    await page.getByTestId('contract-screen').waitFor();
    await page.getByTestId('contract-tab-change-orders').click();
    await page.getByTestId('co-create').click();

    await page.getByTestId('co-title').fill('Extra outlets, level 2');
    await page.getByTestId('co-row-0-line').click();
    await page.getByTestId('co-row-0-line').fill('fram');
    await page.getByRole('option', { name: '02 · Framing' }).click();
    await page.getByTestId('co-row-0-amount').fill('1,500.00');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByTestId('co-row-1').getByText('New line', { exact: true }).click();
    await page.getByTestId('co-row-1-item').fill('900');
    await page.getByTestId('co-row-1-description').fill('Lobby canopy');
    await page.getByTestId('co-row-1-amount').fill('2.250,50');
    await page.getByTestId('co-save').click();
    await page.getByText('Not an amount as written in English (1,234.56)').waitFor();
    await page.getByText('Fix the marked fields; nothing was saved.').waitFor();
    await screenshot(page, 'backups-co-bad-amount');
    expect((await api(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${ids.primeId}/change-orders`)).changeOrders).toEqual([]);

    await page.getByTestId('co-row-1-amount').fill('2,250.50');
    await page.getByTestId('co-save').click();
    await page.getByTestId('co-message').getByText('Change order #1 created, pending approval.').waitFor();
    const co = page.getByTestId('co-1');
    expect(await co.getAttribute('data-status')).toBe('pending');
    await co.getByText('$3,750.50').waitFor();

    await page.getByTestId('co-1-approve').click();
    await page.getByTestId('co-1-date').fill('2026-01-20');
    await page.getByTestId('co-1-confirm').click();
    await page.locator('[data-testid=co-1][data-status=approved]').waitFor();
    await page
      .getByTestId('co-message')
      .getByText(/Change order #1 approved on Jan 20, 2026/)
      .waitFor();
    const notice = page.getByTestId('co-notice');
    await notice.getByText('1 change order approved since this invoice was created').waitFor();
    await screenshot(page, 'backups-co-approved');
    await notice.getByRole('button', { name: 'Review' }).click();
    await notice.getByRole('button', { name: 'Add selected to this invoice' }).click();
    await notice.getByText('1 change order added: scheduled values updated.').waitFor();
    await screenshot(page, 'backups-co-added');

    const [saved] = (await api(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${ids.primeId}/change-orders`)).changeOrders;
    expect(saved).toMatchObject({ number: 1, status: 'approved', approvedOn: '2026-01-20', amountCents: 150_000 + 225_050 });
    const invoice = await api(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${ids.primeInv}`);
    expect(invoice.g702.line2NetChangeByChangeOrdersCents).toBe(375_050);
    expect(invoice.lines.map((l: { itemNo: string }) => l.itemNo)).toContain('900');
  });

  it('attaches backup files to an invoice by the picker and by drag and drop, and names a refused file', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId: ids.primeInv });
    await page.getByTestId('tab-attachments').click();
    await page.getByTestId('attachments-panel').getByText('No files attached yet.').waitFor();
    await page.getByTestId('attachments-input').setInputFiles(fixture('subcontractor-invoice-0042.pdf'));
    await page.getByTestId('attachment').filter({ hasText: 'subcontractor-invoice-0042.pdf' }).waitFor();
    await dropFile(page, 'attachments-drop', fixture('corrupt-truncated.pdf'), 'corrupt-truncated.pdf', 'application/pdf');
    await page.getByTestId('attachment').filter({ hasText: 'corrupt-truncated.pdf' }).waitFor();
    await page.getByTestId('attachments-input').setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByText('tool.exe: .exe files are not accepted').waitFor();
    await screenshot(page, 'backups-attachments');
    const listed = await api(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${ids.primeInv}/attachments`);
    expect(listed.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['subcontractor-invoice-0042.pdf', 'corrupt-truncated.pdf']);
  });

  it("lists the period's invoices, approves the subcontractor's from the list, compiles backups and downloads the PDF", async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin! });
    await chooseProject(page);
    const earlierBefore = (await api(env.baseUrl, env.tokens.admin!, 'GET', `/invoice-backups?projectId=${env.projectId}`)).backups.length;
    await page.getByTestId('project-tab-invoices').click();
    await page.getByTestId('period-select').click();
    await page.getByRole('option', { name: 'Jan 1, 2030 – Jan 31, 2030' }).click();
    const rows = page.getByTestId('period-invoice');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-invoice-id')))).toEqual([ids.primeInv, ids.subInv]);
    await page.getByTestId('invoice-kind-commitment').click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('invoice-kind-all').click();
    await expect.poll(() => rows.count()).toBe(2);

    const sub = page.locator(`[data-testid=period-invoice][data-invoice-id="${ids.subInv}"]`);
    await sub.locator('[data-action=under_review]').click();
    await page.locator(`[data-testid=period-invoice][data-invoice-id="${ids.subInv}"][data-status=under_review]`).waitFor();
    await sub.locator('[data-action=approved]').click();
    await page.locator(`[data-testid=period-invoice][data-invoice-id="${ids.subInv}"][data-status=approved]`).waitFor();
    expect((await api(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${ids.subInv}`)).invoice.status).toBe('approved');

    await page.getByTestId('invoice-select-all').click();
    await page.getByText('2 invoices selected').waitFor();
    await screenshot(page, 'backups-period-invoices');
    await page.getByTestId('compile-backups-button').click();
    await page.getByTestId('backup-ready').waitFor({ timeout: 90_000 });
    const jobId = (await page.getByTestId('backup-job').getAttribute('data-job-id'))!;
    const corrupt = page.locator('[data-testid=backup-not-included] li[data-reason=corrupt]');
    expect(await corrupt.textContent()).toBe('corrupt-truncated.pdf (invoice #1, E2E backups owner contract): the file is damaged and cannot be read');
    await page.getByTestId('backup-not-included').getByText('1 file could not be included').waitFor();
    await screenshot(page, 'backups-ready');
    const job = await api(env.baseUrl, env.tokens.admin!, 'GET', `/invoice-backups/${jobId}`);
    expect(job.status).toBe('done');
    expect(job.invoiceIds).toEqual([ids.primeInv, ids.subInv]);
    expect(job.parts.flatMap((p: { notIncluded: Array<{ fileName: string }> }) => p.notIncluded.map((x) => x.fileName))).toEqual(['corrupt-truncated.pdf']);

    // the signed link answers with the PDF as a file (Content-Disposition: attachment)
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('backup-download-1').click()]);
    expect(download.suggestedFilename()).toBe(job.parts[0].fileName);
    const path = join(env.artifactsDir, 'backups-download.pdf');
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('qpdf', ['--check', path]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1 + 2 + 2 + 2); // cover, owner G702+G703, its 2-page PDF, the sub's G702+G703
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '4', path, join(env.artifactsDir, 'backups-download-page')]);
    expect(existsSync(join(env.artifactsDir, 'backups-download-page-1.png'))).toBe(true);

    // a second compilation, then another tab: the project-level bar says when it is ready
    await page.getByTestId('compile-backups-button').click();
    await page.locator('[data-testid=backup-job]:not([data-job-id="' + jobId + '"])').waitFor();
    await page.getByTestId('project-tab-contracts').click();
    await page
      .getByTestId('backup-ready-bar')
      .getByText(/Invoice backups are ready: /)
      .waitFor({ timeout: 90_000 });
    await screenshot(page, 'backups-ready-bar');
    await page.getByTestId('backup-ready-show').click();
    await page.getByTestId('backup-earlier').first().waitFor();
    await expect.poll(() => page.getByTestId('backup-earlier').count()).toBe(earlierBefore + 2);
  });
});

describeBrowser('the backups pane in Spanish and French', () => {
  const browser = useBrowser();

  it('words the period list, the compilation and the change orders in the pane language', async () => {
    const es = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, lang: 'es' });
    await chooseProject(es);
    await es.getByTestId('project-tab-invoices').click();
    await es.getByRole('tab', { name: 'Subcontratista' }).waitFor();
    await es.getByText('Compilaciones anteriores').waitFor();
    await es.getByTestId('backup-earlier').first().getByRole('button', { name: 'Ver' }).click();
    await es
      .locator('[data-testid=backup-not-included] li[data-reason=corrupt]')
      .getByText('el archivo está dañado y no se puede leer', { exact: false })
      .waitFor();
    await screenshot(es, 'backups-period-invoices-es');

    const fr = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, lang: 'fr' });
    await chooseProject(fr);
    await fr.getByTestId('contract-row').filter({ hasText: 'E2E backups owner contract' }).click();
    await fr.getByTestId('contract-tab-change-orders').click();
    await fr.getByTestId('co-1').getByText('Avenant n° 1').waitFor();
    await fr
      .getByTestId('co-1')
      .getByText(/Approuvé le 20 janv\. 2026/)
      .waitFor();
    await fr.getByTestId('co-create').click();
    await fr.getByTestId('co-row-0-amount').fill('1,500.00');
    await fr.getByTestId('co-save').click();
    await fr.getByText('Pas un montant écrit en français (1 234,56)').waitFor();
    await screenshot(fr, 'backups-change-orders-fr');
  });
});

describeBrowser('the backups pane for a read-only member', () => {
  const browser = useBrowser();

  it('shows change orders and the period list without create, approve, status or compile actions', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.readOnly! });
    await chooseProject(page);
    await page.getByTestId('contract-row').filter({ hasText: 'E2E backups owner contract' }).click();
    await page.getByTestId('contract-tab-change-orders').click();
    await page.getByTestId('co-1').waitFor();
    await page.getByText('Only admins on this contract’s tool can create and approve change orders.').waitFor();
    expect(await page.getByTestId('co-create').count()).toBe(0);
    expect(await page.getByTestId('co-1-approve').count()).toBe(0);

    await page.getByTestId('breadcrumb').getByText('Harbor Point', { exact: false }).click();
    await page.getByTestId('project-tab-invoices').click();
    await page.getByTestId('period-select').click();
    await page.getByRole('option', { name: 'Jan 1, 2030 – Jan 31, 2030' }).click();
    await expect.poll(() => page.getByTestId('period-invoice').count()).toBe(2);
    expect(await page.getByTestId('period-invoices').locator('[data-action]').count()).toBe(0);
    await page.getByTestId('invoice-select-all').click();
    await page.getByTestId('compile-backups-hint').getByText('Compiling backups needs admin permission', { exact: false }).waitFor();
    expect(await page.getByTestId('compile-backups-button').isDisabled()).toBe(true);
    await screenshot(page, 'backups-read-only');
  });
});
