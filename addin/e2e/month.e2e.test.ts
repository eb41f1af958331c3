// The accountant's whole month in the harness, as a new admin with nothing yet: project, billing
// periods, a contract, its 200-line SOV, invoice 1 billed, submitted and approved, a change order,
// invoice 2 with backup billed by % complete, emailed, backups compiled and downloaded. The test
// talks to the pane only; the API is used to set up the user (POST /dev/users) and to READ
// results, whose figures are computed independently below. Run in English, Spanish and French;
// screenshots of every screen in test-artifacts/month/<lang>/.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, env, useBrowser } from './fixtures';
import { api, openHarness, pasteTsv, selectCell, waitForStatus } from './harness-driver.mjs';
import { createContract, createMonthlyPeriods, createNextInvoice, createProject, shooter, type Lang } from './month-steps';
import { compileBackups, createAndApproveChangeOrder, emailInvoice, importSovFromSelection, typedAmount } from './month-steps-later';
import type { InvoiceView } from '../src/api/types';
import { contractLabels } from '../src/ui/contract/labels';
import { sheetLabels } from '../src/excel/sheet-labels';

const FIRST_DATA_ROW = 8; // G703 rows 1–6 header block, row 7 column titles
const SOV_LINES = 200;
/** "A-001": Excel turns a pasted "001" into the number 1, so exports carry text item numbers */
const itemNo = (i: number) => `A-${String(i + 1).padStart(3, '0')}`;
/** line i (0-based): $10,000.00 + (i mod 7) × $2,500.00 */
const scheduledCents = (i: number) => 1_000_000 + (i % 7) * 250_000;
const originalSumCents = Array.from({ length: SOV_LINES }, (_, i) => scheduledCents(i)).reduce((a, b) => a + b, 0);
/** invoice 1 bills lines 1–10: line k gets k × $1,000.00 of work this period */
const invoice1Work = Array.from({ length: 10 }, (_, i) => (i + 1) * 100_000);

type DevUser = { userId: string; companyId: string; token: string };

async function newAdmin(lang: Lang): Promise<DevUser> {
  const res = await fetch(`${env.baseUrl}/dev/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Month ${lang} admin`,
      email: `month.${lang}.${Date.now()}@gc-month.example.com`,
      companyName: `Month GC ${lang}`,
      locale: lang,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as DevUser;
}

/** The pane at the narrow width of Excel's task pane (the harness shows it at 380 px). */
async function narrowPane(page: Page) {
  await page.addStyleTag({ content: '.hx-pane { width: 340px !important; }' });
}

async function runMonth(browser: ReturnType<typeof useBrowser>, lang: Lang) {
  const C = contractLabels(lang);
  const admin = await newAdmin(lang);
  const read = <T>(path: string) => api<T>(env.baseUrl, admin.token, 'GET', path);
  const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: admin.token, lang });
  await narrowPane(page);
  const shot = shooter(page, lang);
  await page.getByTestId('project-screen').waitFor();
  await shot('no-project');

  // 1. the project
  const projectId = await createProject(page, lang, { name: `Riverside Clinic (${lang})`, number: `2027-${lang}` });
  await shot('project');

  // 2. the contract: 10% work / 5.5% stored retainage (5.555% refused first)
  const contractId = await createContract(
    page,
    lang,
    {
      title: 'Riverside Clinic – Prime',
      architect: 'Studio Nord',
      contractDate: '2026-12-15',
      workRetainage: '10',
      storedRetainage: lang === 'en' ? '5.5' : '5,5',
      description: 'Clinic fit-out',
    },
    shot,
  );
  await shot('contract');
  const contract = await read<{ workRetainageBps: number; storedRetainageBps: number; architect: string; status: string }>(`/contracts/${contractId}`);
  expect(contract).toMatchObject({ workRetainageBps: 1000, storedRetainageBps: 550, architect: 'Studio Nord', status: 'draft' });

  // 3. the 200-line SOV from a pasted export (line 57's amount mistyped "1O0" first), then approved
  const rows = [
    ['Item', 'Cost code', 'Description', 'Amount'],
    ...Array.from({ length: SOV_LINES }, (_, i) => [
      itemNo(i),
      `0${1 + Math.floor(i / 40)}-${String(i + 1).padStart(3, '0')}`,
      `Work item ${i + 1}`,
      typedAmount(lang, scheduledCents(i)),
    ]),
  ];
  await importSovFromSelection(page, rows, { index: 56, text: lang === 'en' ? '1O000.00' : '1O000,00' }, shot);
  const sov = await read<{ lines: Array<{ itemNo: string; scheduledValueCents: number }> }>(`/contracts/${contractId}/sov`);
  expect(sov.lines.map((l) => [l.itemNo, l.scheduledValueCents])).toEqual(Array.from({ length: SOV_LINES }, (_, i) => [itemNo(i), scheduledCents(i)]));

  // 4. billing periods: January to March 2027, due 10 days after each ends
  await page.getByTestId('breadcrumb').getByRole('button').first().click();
  await createMonthlyPeriods(page, lang, { start: '2027-01-01', count: 3, dueDays: 10 }, shot);
  await shot('billing-periods');
  const { billingPeriods } = await read<{ billingPeriods: Array<{ start: string; end: string; due: string }> }>(`/projects/${projectId}/billing-periods`);
  expect(billingPeriods.map((p) => [p.start, p.end, p.due])).toEqual([
    ['2027-01-01', '2027-01-31', '2027-02-10'],
    ['2027-02-01', '2027-02-28', '2027-03-10'],
    ['2027-03-01', '2027-03-31', '2027-04-10'],
  ]);

  // 5. invoice 1 for January: create, open, bill lines 1–10 by pasting column E, submit, approve
  await page.getByTestId('project-tab-contracts').click();
  await page.getByTestId('contract-row').first().click();
  const invoice1 = await createNextInvoice(page, lang, { includeBackup: false, number: 1 });
  await shot('invoice-1-created');
  await page.locator(`[data-testid=invoice-row][data-invoice-id="${invoice1}"]`).getByRole('button', { name: C.openInWorkbook }).click();
  await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
  const g703 = (await page.evaluate(() => window.__workbook.sheetNames())).find((n) => n.startsWith('G703'))!;
  // typed as a user of that language would: a decimal comma in es and fr (Excel reads "1000.00" there as text)
  await pasteTsv(page, g703, `E${FIRST_DATA_ROW}`, `${invoice1Work.map((c) => typedAmount(lang, c)).join('\n')}\n`);
  await waitForStatus(page, (s) => s.kind === 'saved', 60_000, 300);
  await shot('invoice-1-billed');
  await page.locator('[data-action="under_review"]').click();
  await page.locator('[data-action="approved"]').click();
  await page.getByTestId('lock-banner').waitFor();
  await shot('invoice-1-approved');
  const v1 = await read<InvoiceView>(`/invoices/${invoice1}`);
  // line 4 = Σ k × $1,000 (k = 1…10) = $55,000.00; 5a = 10% of each line (whole dollars, no rounding) = $5,500.00;
  // nothing stored (5b = 0); line 7 = 0 on a first invoice: line 8 = 55,000 − 5,500 = $49,500.00
  expect(v1.invoice.status).toBe('approved');
  expect(v1.g702.line1OriginalContractSumCents).toBe(originalSumCents);
  expect(v1.g702.line4TotalCompletedAndStoredCents).toBe(5_500_000);
  expect(v1.g702.line5aWorkRetainageCents).toBe(550_000);
  expect(v1.g702.line8CurrentPaymentDueCents).toBe(4_950_000);

  // 6. a change order on line A-003, +$5,000.00, approved on Feb 5
  await page.getByTestId('breadcrumb').getByRole('button').nth(1).click();
  await createAndApproveChangeOrder(page, lang, {
    title: 'Extra shelving',
    lineText: 'A-003',
    optionName: 'A-003 · Work item 3',
    cents: 500_000,
    approvedOn: '2027-02-05',
  });
  await shot('change-order-approved');

  // 7. invoice 2 for February with the backup option; lines billed to 50% complete
  const invoice2 = await createNextInvoice(page, lang, { includeBackup: true, number: 2 });
  await shot('invoice-2-created');
  await page.locator(`[data-testid=invoice-row][data-invoice-id="${invoice2}"]`).getByRole('button', { name: C.openInWorkbook }).click();
  await page.locator(`[data-testid=invoice-workspace][data-invoice-id="${invoice2}"]`).waitFor();
  await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
  const g703b = (await page.evaluate(() => window.__workbook.sheetNames())).find((n) => n.startsWith('G703') && n !== g703)!;
  // the sheets are written in the pane's language: title and column headers from the sheet catalogue
  const S = sheetLabels(lang).g703;
  const snap = await page.evaluate((name) => window.__workbook.getSheetSnapshot(name), g703b);
  expect(snap.values[0]?.[0]).toBe(S.title);
  const headers = snap.values[FIRST_DATA_ROW - 2] ?? [];
  const pctCol = headers.findIndex((v) => v === S.columns.percent);
  expect(headers).toContain(S.columns.thisPeriod);
  expect(pctCol).toBeGreaterThan(0);
  // "% complete" typed on the sheet: 50% of A-004 and of A-005 (rows 11 and 12); Excel reads a typed
  // "50%" (or "50 %") as 0.5 in any of the three languages
  const pctLetter = String.fromCharCode(65 + pctCol);
  for (const row of [FIRST_DATA_ROW + 3, FIRST_DATA_ROW + 4]) {
    await selectCell(page, g703b, `${pctLetter}${row}`);
    await page.keyboard.type(lang === 'en' ? '50%' : '50 %');
    await page.keyboard.press('Enter');
  }
  await waitForStatus(page, (s) => s.kind === 'saved', 60_000, 300);
  await shot('invoice-2-billed');

  // 8. invoice 2 emailed to the owner
  await emailInvoice(page, 'owner.month@owner-example.com', 'February application attached.');
  await shot('invoice-2-emailed');
  const v2 = await read<InvoiceView>(`/invoices/${invoice2}`);
  // line 3 = original sum + the change order's $5,000.00
  expect(v2.invoice.includeBackup).toBe(true);
  expect(v2.g702.line3ContractSumToDateCents).toBe(originalSumCents + 500_000);
  // 50% of line A-004 ($17,500.00) = $8,750.00 to date, $4,000.00 billed before: E = $4,750.00;
  // 50% of line A-005 ($20,000.00) = $10,000.00, $5,000.00 before: E = $5,000.00
  const line = (no: string) => v2.lines.find((l) => l.itemNo === no)!;
  expect([line('A-004').workCompletedThisPeriodCents, line('A-005').workCompletedThisPeriodCents]).toEqual([475_000, 500_000]);
  // line 4 = 55,000 + 4,750 + 5,000 = $64,750.00; retainage 10% = $6,475.00; line 6 = $58,275.00;
  // line 7 = invoice 1's line 6 ($49,500.00): line 8 = $8,775.00
  expect(v2.g702.line4TotalCompletedAndStoredCents).toBe(6_475_000);
  expect(v2.g702.line8CurrentPaymentDueCents).toBe(877_500);

  // 9. backups compiled for each invoice's period and downloaded
  await page.getByTestId('breadcrumb').getByRole('button').first().click();
  for (const [i, id] of [invoice1, invoice2].entries()) {
    const got = await compileBackups(page, i, [id], `${lang}/backup-${i + 1}.pdf`);
    await shot(`backup-${i + 1}-ready`);
    expect(got.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const job = await read<{ status: string; invoiceIds: string[] }>(`/invoice-backups/${got.jobId}`);
    expect(job).toMatchObject({ status: 'done', invoiceIds: [id] });
  }
  await page.context().close();
}

describeBrowser('the accountant’s month in the task pane', () => {
  const browser = useBrowser();
  for (const lang of ['en', 'es', 'fr'] as const) {
    it(`does the month from an empty project in ${lang}`, { timeout: 300_000 }, async () => {
      await runMonth(browser, lang);
    });
  }
});
