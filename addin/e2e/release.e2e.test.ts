// A retainage-only (release) invoice from the pane, in the harness against the real worker: on the
// contract's Invoices tab "New retainage release invoice", open it in the workbook, see column E
// refuse a typed amount (a release invoice bills no work), release one line in the sheet's release
// column, then "Release all retainage"; the figures are read back from the API and checked against
// sums computed here by hand. Screenshots at the 340 px pane width in test-artifacts/release/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { InvoiceView } from '../src/api/types';
import { releaseLabels } from '../src/ui/release/labels';
import { releaseLabels as releaseSheetLabels } from '@shared/i18n/release-labels';
import { contractLabels } from '../src/ui/contract/labels';
import { sheetLabels } from '../src/excel/sheet-labels';
import { computedCellToCents } from '../src/excel/units';
import { describeBrowser, env, sheetNamed, useBrowser } from './fixtures';
import { api, cellValue, openHarness, selectCell, waitForStatus } from './harness-driver.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const shotsDir = join(repoRoot, 'test-artifacts', 'release');
const HEADER_ROW = 7; // G703 column titles (layout.ts G703_HEADER_ROW + 1)
const FIRST_LINE_ROW = 8;

// Invoice 1 (10% work, 5% stored):
//   001 E 4,000.00  F 1,000.01 → work ret 400.00, stored ret round(50.0005) = 50.00 → held 450.00
//   002 E 5,000.05             → work ret round(500.005) = 500.01                   → held 500.01
//   003 nothing                                                                         held   0
const HELD = [45_000, 50_001, 0];
const HELD_TOTAL = HELD[0]! + HELD[1]! + HELD[2]!; // 95,001

async function rawApi(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${env.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${env.tokens.admin!}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
}

/** A prime contract with invoice 1 billed as above and submitted (so a release invoice may follow). */
async function contractWithHeldRetainage(title: string): Promise<{ contractId: string; invoice1Id: string }> {
  const token = env.tokens.admin!;
  const contract = await api(env.baseUrl, token, 'POST', `/projects/${env.projectId}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title,
    workRetainageBps: 1000,
    storedRetainageBps: 500,
  });
  await api(env.baseUrl, token, 'PUT', `/contracts/${contract.id}/sov`, {
    lines: [
      { itemNo: '001', description: 'Footings', scheduledValueCents: 1_000_000 },
      { itemNo: '002', description: 'Slab on grade', scheduledValueCents: 2_000_000 },
      { itemNo: '003', description: 'Structural steel', scheduledValueCents: 3_000_000 },
    ],
  });
  await api(env.baseUrl, token, 'POST', `/contracts/${contract.id}/approve`);
  const { billingPeriods } = await api(env.baseUrl, token, 'GET', `/projects/${env.projectId}/billing-periods`);
  const inv1 = await api(env.baseUrl, token, 'POST', `/contracts/${contract.id}/invoices`, { billingPeriodId: billingPeriods[0].id });
  await rawApi(
    'PATCH',
    `/invoices/${inv1.invoice.id}/lines`,
    {
      edits: [
        { itemNo: '001', workCompletedThisPeriod: '4000.00', materialsPresentlyStored: '1000.01' },
        { itemNo: '002', workCompletedThisPeriod: '5000.05' },
      ],
    },
    { 'if-match': '1' },
  );
  const submitted = await api<InvoiceView>(env.baseUrl, token, 'POST', `/invoices/${inv1.invoice.id}/status`, { status: 'under_review' });
  expect(submitted.lines.map((l) => l.retainageCents)).toEqual(HELD);
  return { contractId: contract.id, invoice1Id: inv1.invoice.id };
}

async function letterOf(page: Page, sheet: string, header: string): Promise<string> {
  const snap = await page.evaluate((name) => window.__workbook.getSheetSnapshot(name), sheet);
  const col = snap.values[HEADER_ROW - 1]!.findIndex((v) => v === header);
  if (col < 0) throw new Error(`no column "${header}"`);
  return String.fromCharCode(65 + col);
}

describeBrowser('retainage release invoice from the pane', () => {
  const browser = useBrowser();

  it('creates it on the contract screen, locks E, releases one line in the sheet, then all; the API has the figures', async () => {
    mkdirSync(shotsDir, { recursive: true });
    let n = 0;
    const shot = async (page: Page, name: string) => {
      n += 1;
      await page.screenshot({ path: join(shotsDir, `${String(n).padStart(2, '0')}-${name}.png`) });
    };
    const R = releaseLabels('en');
    const C = contractLabels('en');
    const S = sheetLabels('en');
    const title = `Release E2E ${Date.now()}`;
    const { contractId } = await contractWithHeldRetainage(title);

    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, waitSaved: false });
    await page.addStyleTag({ content: '.hx-pane { width: 340px !important; }' });
    await page.getByTestId('project-screen').waitFor();
    const project = (await api(env.baseUrl, env.tokens.admin!, 'GET', `/projects/${env.projectId}`)) as { name: string };
    const option = page.locator('select[name=project] option', { hasText: project.name }).first();
    if (await page.locator('select[name=project]').count()) {
      await option.waitFor({ state: 'attached' });
      await page.selectOption('select[name=project]', (await option.getAttribute('value')) ?? '');
    }
    await page.getByTestId('contract-row').filter({ hasText: title }).first().click();
    await page.getByTestId('contract-screen').waitFor();
    await page.getByTestId('contract-tab-invoices').click();

    // 1. "New retainage release invoice" next to "Create next invoice"
    await page.locator(`[data-testid=invoice-row][aria-label="${C.invoiceNo(1)}"]`).waitFor();
    await shot(page, 'contract-invoices-tab');
    await page.getByTestId('create-release-invoice').click();
    const form = page.getByTestId('new-invoice-form');
    await form.locator('select[name=invoicePeriod] option').first().waitFor({ state: 'attached' });
    await form.getByText(R.releaseFormHint).waitFor();
    expect(await form.getByRole('checkbox').count()).toBe(0); // no backup on a release invoice
    await shot(page, 'release-form');
    await form.getByRole('button', { name: R.createRelease }).click();
    await page.getByTestId('invoice-created').getByText(C.created(2)).waitFor();
    const card = page.locator(`[data-testid=invoice-row][aria-label="${C.invoiceNo(2)}"][data-selected=true]`);
    await card.getByTestId('invoice-kind').getByText(R.kindBadge).waitFor();
    await shot(page, 'release-created');
    const releaseId = (await card.getAttribute('data-invoice-id'))!;
    const created = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${releaseId}`);
    expect(created.invoice.kind).toBe('retainage_release');
    expect(created.g702.line8CurrentPaymentDueCents).toBe(0);

    // 2. Open it: the release bar and the G703 with E/F/% locked
    await card.getByRole('button', { name: C.openInWorkbook }).click();
    await page.getByTestId('invoice-workspace').waitFor();
    await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
    const bar = page.getByTestId('release-bar');
    await expect.poll(() => bar.getByTestId('release-held').textContent()).toBe('$950.01');
    expect(await bar.getByTestId('release-here').textContent()).toBe('$0.00');
    await page.getByTestId('invoice-workspace').getByTestId('invoice-kind').waitFor();
    await shot(page, 'workspace-release-bar');

    const g703 = await sheetNamed(page, 'G703 #');
    const e = await letterOf(page, g703, S.g703.columns.thisPeriod);
    const rel = await letterOf(page, g703, S.g703.columns.releaseThisPeriod);
    // typing work into E is put back (the cell is not an input on a release invoice)
    await selectCell(page, g703, `${e}${FIRST_LINE_ROW}`);
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellValue(page, g703, `${e}${FIRST_LINE_ROW}`), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('sync-status').textContent())
      .toContain(`${releaseSheetLabels('en').lockedCells(S.g703.columns.thisPeriod)}: the cell was put back.`);
    await shot(page, 'work-typed-put-back');
    // a release typed on line 002 in the release column is saved as that line's release
    await selectCell(page, g703, `${rel}${FIRST_LINE_ROW + 1}`);
    await page.keyboard.type('100.01');
    await page.keyboard.press('Enter');
    await waitForStatus(page, (s) => s.kind === 'saved', 30_000, 300);
    const partial = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${releaseId}`);
    expect(partial.lines.map((l) => [l.itemNo, l.workCompletedThisPeriodCents, l.retainageReleasedThisPeriodCents])).toEqual([
      ['001', 0, 0],
      ['002', 0, 10_001],
      ['003', 0, 0],
    ]);
    expect(partial.g702.line8CurrentPaymentDueCents).toBe(10_001);
    await expect.poll(() => bar.getByTestId('release-here').textContent(), { timeout: 20_000 }).toBe('$100.01');

    // 3. Release all: everything held on every line; line 8 = 950.01, nothing held afterwards
    await page.getByTestId('release-all').click();
    await page.getByTestId('release-done').getByText(R.released('$950.01')).waitFor({ timeout: 30_000 });
    await waitForStatus(page, (s) => s.kind === 'saved', 30_000, 300);
    const all = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${releaseId}`);
    expect(all.lines.map((l) => [l.itemNo, l.retainageReleasedThisPeriodCents, l.retainageCents])).toEqual([
      ['001', HELD[0], 0],
      ['002', HELD[1], 0],
      ['003', 0, 0],
    ]);
    expect(all.g702).toMatchObject({
      line5TotalRetainageCents: 0,
      line7PreviousCertificatesCents: created.g702.line7PreviousCertificatesCents,
      line8CurrentPaymentDueCents: HELD_TOTAL,
    });
    expect(await bar.getByTestId('release-still-held').textContent()).toBe('$0.00');
    expect(await page.getByTestId('amount-due').textContent()).toBe('$950.01');
    await expect.poll(() => cellValue(page, g703, `${rel}${FIRST_LINE_ROW}`), { timeout: 20_000 }).toBe(450);
    await shot(page, 'released-all');

    // 4. The G702 sheet is titled as a release and its line 8 is the release
    const g702 = await sheetNamed(page, 'G702 #');
    const snap = await page.evaluate((name) => window.__workbook.getSheetSnapshot(name), g702);
    expect(snap.values[0]![0]).toBe('APPLICATION AND CERTIFICATE FOR PAYMENT (AIA G702) — RETAINAGE RELEASE');
    const line8 = snap.values.find((r) => r[0] === S.g702.line8);
    // Line 8 is =line 6 − line 7: the sheet holds that double as Excel stores it, binary residue
    // included (workbook-double/model.ts Book.computed), so it is read to the cent as the add-in does.
    expect(computedCellToCents(line8?.[1])).toBe(95_001);
    await page.locator(`[data-testid="sheet-tab-${g702}"]`).click();
    await shot(page, 'g702-sheet');
    // the PDF's G702 page, as an image to look at (test-artifacts/release/release-g702.png)
    const pdf = await fetch(`${env.baseUrl}/api/v1/invoices/${releaseId}/pdf`, { headers: { authorization: `Bearer ${env.tokens.admin!}` } });
    expect(pdf.status).toBe(200);
    const pdfPath = join(shotsDir, 'release-invoice.pdf');
    writeFileSync(pdfPath, Buffer.from(await pdf.arrayBuffer()));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(shotsDir, 'release-g702')]);
    // in the PDF's language (the demo's owner contact reads Spanish): one of the three release titles
    const titles = Object.values(releaseSheetLabels.byLocale).map((l) => l.pdfG702Title);
    const pageText = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-']).toString();
    expect(titles.some((t) => pageText.includes(t))).toBe(true);
    const list = await api<{ invoices: Array<{ number: number; kind: string }> }>(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${contractId}/invoices`);
    expect(list.invoices.map((i) => [i.number, i.kind])).toEqual([
      [1, 'progress'],
      [2, 'retainage_release'],
    ]);
    await page.context().close();
  });
});
