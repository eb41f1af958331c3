// Getting paid in the harness, at the task pane's 340 px: a contract with two invoices (set up through
// the API like fixtures.ts, invoice 1 approved and paid in full, invoice 2 billed and still a draft),
// then in the pane: submit and approve invoice 2, record a partial payment on its Payments tab, write
// the project's aging sheet as of a date 45 days past the due date and read it from the workbook,
// and generate and sign the unconditional progress waiver for the amount paid on its Waivers tab.
// The API is used to set up and to READ results, whose figures are derived independently below.
// Screenshots of every step in test-artifacts/get-paid/.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { formatCents, formatMoney } from '@shared/money';
import { agingSheetLabels } from '../src/excel/aging-labels';
import { AGING_SHEET_NAME } from '../src/excel/aging-plan';
import { paymentLabels } from '../src/ui/payments/labels';
import { localToday } from '../src/ui/payments/payment-form';
import { agingLabels } from '../src/ui/aging/labels';
import { projectLabels } from '../src/ui/project/labels';
import { describeBrowser, env, postInboundReply, useBrowser } from './fixtures';
import { api, openHarness, pickInvoice, waitForStatus } from './harness-driver.mjs';
import { repoRoot } from './private-worker.mjs';

type DevUser = { userId: string; companyId: string; token: string };
type Payments = {
  amountDueCents: number;
  paidCents: number;
  openCents: number;
  state: string;
  dueOn: string | null;
  daysPastDue: number;
  paymentTermsDays: number;
  payments: Array<{
    id: string;
    amountCents: number;
    flag: string;
    method: string;
    reference: string;
    sourceMessageId: string | null;
    voided: { reason: string } | null;
  }>;
  suggestions: unknown[];
};

const shotDir = join(repoRoot, 'test-artifacts', 'get-paid');

function shooter(page: Page) {
  mkdirSync(shotDir, { recursive: true });
  let n = 0;
  return async (name: string) => {
    n += 1;
    await page.screenshot({ path: join(shotDir, `${String(n).padStart(2, '0')}-${name}.png`) });
  };
}

async function newAdmin(): Promise<DevUser> {
  const res = await fetch(`${env.baseUrl}/dev/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Paula Payne', email: `get-paid.${Date.now()}@gc-paid.example.com`, companyName: 'Get Paid GC', locale: 'en' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as DevUser;
}

/** PATCH /invoices/{id}/lines needs the version being edited (If-Match). */
async function bill(token: string, invoiceId: string, edits: Array<{ itemNo: string; workCompletedThisPeriod: string }>) {
  const view = await api<{ invoice: { version: number } }>(env.baseUrl, token, 'GET', `/invoices/${invoiceId}`);
  const res = await fetch(`${env.baseUrl}/api/v1/invoices/${invoiceId}/lines`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': String(view.invoice.version) },
    body: JSON.stringify({ edits }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/**
 * A project with two monthly periods and a 3-line prime contract ($100,000 + $50,000 + $25,000,
 * 10% retainage). Invoice 1 bills $40,000.00 on line 001, is approved and paid in full; invoice 2
 * bills $20,000.00 on 001 and $10,000.00 on 002 and stays a draft for the pane.
 */
async function setUp(token: string) {
  const call = <T>(method: string, path: string, body?: unknown) => api<T>(env.baseUrl, token, method, path, body);
  const project = await call<{ id: string }>('POST', '/projects', { name: 'Bayside Library', number: 'BL-27' });
  await call('POST', `/projects/${project.id}/billing-periods`, { schedule: 'monthly', start: '2027-01-01', count: 2, dueDaysAfterEnd: 10 });
  const { billingPeriods } = await call<{ billingPeriods: Array<{ id: string }> }>('GET', `/projects/${project.id}/billing-periods`);
  const contract = await call<{ id: string; number: number }>('POST', `/projects/${project.id}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'Bayside Library – Prime',
    workRetainageBps: 1000,
    storedRetainageBps: 500,
  });
  await call('PUT', `/contracts/${contract.id}/sov`, {
    lines: [
      { itemNo: '001', description: 'Site work', scheduledValueCents: 10_000_000 },
      { itemNo: '002', description: 'Structure', scheduledValueCents: 5_000_000 },
      { itemNo: '003', description: 'Finishes', scheduledValueCents: 2_500_000 },
    ],
  });
  await call('POST', `/contracts/${contract.id}/approve`);
  const inv1 = await call<{ invoice: { id: string } }>('POST', `/contracts/${contract.id}/invoices`, { billingPeriodId: billingPeriods[0]!.id });
  await bill(token, inv1.invoice.id, [{ itemNo: '001', workCompletedThisPeriod: '40000.00' }]);
  for (const status of ['under_review', 'approved']) await call('POST', `/invoices/${inv1.invoice.id}/status`, { status });
  // invoice 1: line 4 = 40,000.00, retainage 10% = 4,000.00, line 8 = 36,000.00, paid in full today
  const paid1 = await call<Payments>('POST', `/invoices/${inv1.invoice.id}/payments`, {
    receivedOn: new Date().toISOString().slice(0, 10),
    amountCents: 3_600_000,
    method: 'check',
    reference: '1001',
  });
  expect([paid1.amountDueCents, paid1.openCents, paid1.state]).toEqual([3_600_000, 0, 'paid']);
  const inv2 = await call<{ invoice: { id: string } }>('POST', `/contracts/${contract.id}/invoices`, { billingPeriodId: billingPeriods[1]!.id });
  await bill(token, inv2.invoice.id, [
    { itemNo: '001', workCompletedThisPeriod: '20000.00' },
    { itemNo: '002', workCompletedThisPeriod: '10000.00' },
  ]);
  return { projectId: project.id, contractId: contract.id, contractNumber: contract.number, invoice1: inv1.invoice.id, invoice2: inv2.invoice.id };
}

describeBrowser('getting paid in the task pane', () => {
  const browser = useBrowser();
  // screenshots of this run only: numbered ones of an earlier run would sit beside them
  beforeAll(() => rmSync(shotDir, { recursive: true, force: true }));
  it('approves invoice 2, records a partial payment, writes the aging sheet, generates the unconditional waiver', { timeout: 240_000 }, async () => {
    const P = paymentLabels('en');
    const A = agingLabels('en');
    const S = agingSheetLabels('en');
    const admin = await newAdmin();
    const read = <T>(path: string) => api<T>(env.baseUrl, admin.token, 'GET', path);
    const ids = await setUp(admin.token);
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: admin.token, lang: 'en' });
    await page.addStyleTag({ content: '.hx-pane { width: 340px !important; }' });
    const shot = shooter(page);

    // 1. invoice 2: open it, submit and approve it in the pane
    const card = await pickInvoice(page, { contract: 'Bayside Library – Prime', invoiceNo: 2 });
    await card.getByRole('button', { name: 'Open in workbook' }).click();
    await page.locator(`[data-testid=invoice-workspace][data-invoice-id="${ids.invoice2}"]`).waitFor();
    await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
    await page.getByTestId('tab-payments').click();
    // a draft takes no payment: the tab says why, with no form
    await page.getByTestId('payments-why-not').getByText(P.notApproved('Draft')).waitFor();
    expect(await page.getByTestId('payment-new').count()).toBe(0);
    await shot('draft-no-payments');
    await page.locator('[data-action="under_review"]').click();
    await page.locator('[data-action="approved"]').click();
    await page.getByTestId('lock-banner').waitFor();
    await shot('invoice-2-approved');
    const v2 = await read<{ invoice: { status: string }; g702: { line5TotalRetainageCents: number; line8CurrentPaymentDueCents: number } }>(
      `/invoices/${ids.invoice2}`,
    );
    // line 4 = 40,000 + 20,000 + 10,000 = 70,000.00; retainage 10% = 7,000.00; line 6 = 63,000.00;
    // line 7 = invoice 1's line 6 (36,000.00): line 8 = 27,000.00
    expect(v2.invoice.status).toBe('approved');
    expect(v2.g702.line8CurrentPaymentDueCents).toBe(2_700_000);
    expect(v2.g702.line5TotalRetainageCents).toBe(700_000);

    // 2. the Payments tab: $27,000.00 due, nothing paid; record $10,000.00 (first typed "10.000,00",
    // not an amount in English: refused on the field, nothing sent)
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payment-amount-due').textContent()).toBe('$27,000.00');
    expect(await page.getByTestId('payment-open').textContent()).toBe('$27,000.00');
    await page.getByTestId('payment-new').click();
    const form = page.getByTestId('payment-form');
    const today = await form.locator('input[name=receivedOn]').inputValue();
    expect(today).toBe(localToday()); // the pane fills the user's own calendar day, not UTC's
    await form.locator('input[name=amount]').fill('10.000,00');
    await form.locator('select[name=method]').selectOption('wire');
    await form.locator('input[name=reference]').fill('FW-2207');
    await form.getByTestId('payment-save').click();
    await form.getByText(P.problem.NOT_A_NUMBER).waitFor();
    await shot('payment-amount-refused');
    expect((await read<Payments>(`/invoices/${ids.invoice2}/payments`)).payments).toHaveLength(0);
    // then a date before the invoice was submitted (today): the server refuses it on the date field.
    // It accepts the day before the UTC submission day (a western evening), and the pane's day may be
    // one ahead of UTC's: three days back is before submission everywhere.
    await form.locator('input[name=amount]').fill('10,000.00');
    await form.locator('input[name=receivedOn]').fill(addDays(today, -3));
    await form.getByTestId('payment-save').click();
    await form.getByText(P.problem.BEFORE_SUBMISSION).waitFor();
    await shot('payment-date-refused-by-server');
    expect((await read<Payments>(`/invoices/${ids.invoice2}/payments`)).payments).toHaveLength(0);
    await form.locator('input[name=receivedOn]').fill(today);
    await form.getByTestId('payment-save').click();
    await page.getByTestId('payment-done').getByText(P.recorded('$10,000.00')).waitFor();
    await expect.poll(() => page.getByTestId('payment-open').textContent()).toBe('$17,000.00');
    await shot('payment-recorded');
    // paid = 10,000.00; open = 27,000.00 − 10,000.00 = 17,000.00; less than due: partial
    const pays = await read<Payments>(`/invoices/${ids.invoice2}/payments`);
    expect(pays).toMatchObject({ amountDueCents: 2_700_000, paidCents: 1_000_000, openCents: 1_700_000, state: 'partial', daysPastDue: 0 });
    expect(pays.payments.map((p) => [p.amountCents, p.flag])).toEqual([[1_000_000, 'partial']]);
    expect(pays.dueOn).toBe(addDays(today, pays.paymentTermsDays));
    await expect.poll(() => page.getByTestId('payment-row').first().getAttribute('data-voided')).toBe('false');
    expect(await page.getByTestId('payment-row').first().locator('[data-flag]').getAttribute('data-flag')).toBe('partial');

    // 3. the project's Aging tab, as of 45 days after the due date: 31–60 days past due
    const asOf = addDays(pays.dueOn!, 45);
    await page.getByTestId('breadcrumb').getByRole('button').first().click();
    await page.getByTestId('project-tab-aging').click();
    await page.locator('input[name=agingAsOf]').fill(asOf);
    const row = page.locator(`[data-testid=aging-row][data-contract-id="${ids.contractId}"]`);
    await expect.poll(() => row.locator('[data-bucket=d31_60]').getAttribute('data-cents'), { timeout: 20_000 }).toBe('1700000');
    await shot('aging-tab');
    await page.getByTestId('aging-write').click();
    await page.getByTestId('aging-written').getByText(A.written(AGING_SHEET_NAME.prime, 1)).waitFor();
    await page.locator(`[data-testid="sheet-tab-${AGING_SHEET_NAME.prime}"]`).click();
    await shot('aging-sheet-written');
    // the retainage column sits right of the buckets: scroll the grid to show it too
    await page.locator(`[data-sheet="${AGING_SHEET_NAME.prime}"]`).evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await shot('aging-sheet-retainage');

    // the sheet: header on row 6, the contract on row 7, totals on row 8 (excel/aging-plan.ts)
    const snap = await page.evaluate((name) => window.__workbook.getSheetSnapshot(name), AGING_SHEET_NAME.prime);
    const header = snap.values[5]!;
    const contractRow = snap.values[6]!;
    const col = (label: string) => header.indexOf(label);
    const cents = (v: unknown) => Math.round((v as number) * 100);
    expect(snap.values[0]![0]).toBe(S.title.prime);
    expect(contractRow[0]).toBe(S.contractNo(ids.contractNumber, 'Bayside Library – Prime'));
    // invoice 1 is paid; invoice 2's open 17,000.00 is 45 days late: only the 31–60 bucket holds it
    expect((['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const).map((b) => cents(contractRow[col(S.bucket[b])]))).toEqual([0, 0, 1_700_000, 0, 0]);
    expect(cents(contractRow[col(S.totalOpen)])).toBe(1_700_000);
    // retainage held (invoice 2's line 5, 7,000.00) in its own column, after an empty one, not in the total
    expect(col(S.retainageHeld)).toBe(col(S.totalOpen) + 2);
    expect(cents(contractRow[col(S.retainageHeld)])).toBe(700_000);
    expect(snap.values[7]![0]).toBe(S.total);
    expect(snap.formulas[7]![col(S.bucket.d31_60)]).toMatch(/^=SUM\(/);
    expect(cents(snap.values[7]![col(S.totalOpen)])).toBe(1_700_000);
    // the open invoices below: only #2, 45 days past due
    const invoiceRows = snap.values.filter((r) => r[1] === S.invoiceNo(2) || r[1] === S.invoiceNo(1));
    expect(invoiceRows.map((r) => [r[1], r[3], r[4], cents(r[5])])).toEqual([[S.invoiceNo(2), 45, S.bucket.d31_60, 1_700_000]]);
    const aging = await read<{ totals: { buckets: Record<string, number>; retainageHeldCents: number } }>(
      `/projects/${ids.projectId}/aging?asOf=${asOf}&kind=prime`,
    );
    expect(aging.totals.buckets.d31_60).toBe(1_700_000);

    // 4. the unconditional progress waiver for the amount paid (10,000.00), from invoice 2's Waivers
    // tab: back to the invoice (the project screen lists it as already in this workbook)
    const g703 = (await page.evaluate(() => window.__workbook.sheetNames())).find((n) => n.startsWith('G703'))!;
    await page.getByRole('button', { name: projectLabels('en').reopen(2, g703) }).click();
    await page.locator(`[data-testid=invoice-workspace][data-invoice-id="${ids.invoice2}"]`).waitFor();
    await page.getByTestId('tab-waivers').click();
    const generate = page.getByTestId('waiver-generate');
    await generate.getByTestId('waiver-type-unconditional_progress').check();
    await expect.poll(() => generate.getByTestId('waiver-will-waive').getAttribute('data-amount-cents')).toBe('1000000');
    await shot('waiver-generate');
    await generate.getByTestId('waiver-create').click();
    const waiverCard = page.locator('[data-testid=waiver][data-type=unconditional_progress]');
    await waiverCard.waitFor();
    expect(await waiverCard.getByTestId('waiver-amount').textContent()).toBe('$10,000.00');
    // signed with a typed name: the PDF is rendered and kept with the invoice
    const sign = waiverCard.getByTestId('waiver-sign');
    await sign.locator('input[name=signerName]').fill('Paula Payne');
    await sign.locator('input[name=signerTitle]').fill('Controller');
    await sign.locator('input[name=consent]').check();
    await sign.getByTestId('waiver-sign-submit').click();
    await expect.poll(() => waiverCard.getAttribute('data-status'), { timeout: 30_000 }).toBe('signed');
    await shot('waiver-signed');
    const { waivers } = await read<{ waivers: Array<{ type: string; amountCents: number; paymentId: string | null; status: string }> }>(
      `/invoices/${ids.invoice2}/lien-waivers`,
    );
    // the waiver's amount is the payment's, never typed: 10,000.00
    expect(waivers.map((w) => [w.type, w.amountCents, w.paymentId, w.status])).toEqual([['unconditional_progress', 1_000_000, pays.payments[0]!.id, 'signed']]);
    await page.context().close();
  });

  it("pre-fills a payment from the owner's notice in the pane's language (Spanish), records it, then voids it with a reason", {
    timeout: 120_000,
  }, async () => {
    const P = paymentLabels('es');
    const invoiceId = env.invoiceIds['1']!;
    const admin = env.tokens.admin!;
    const before = await api<Payments>(env.baseUrl, admin, 'GET', `/invoices/${invoiceId}/payments`);
    // half the demo invoice 1's open balance, written the owner's (English) way in the reply
    const notice = Math.floor(before.openCents / 2);
    const written = formatMoney(notice, 'en');
    const sent = await api<{ thread: { replyAddress: string } }>(env.baseUrl, admin, 'POST', `/invoices/${invoiceId}/emails`, {
      to: [{ email: 'maria.gomez@owner-example.com' }],
      message: 'Invoice attached.',
    });
    const text = `Payment of ${written} was sent via wire this morning, ref 88213-A.`;
    const res = await postInboundReply(sent.thread.replyAddress, (payload) =>
      // sent now: the fixture's own date (April 2025) is before the invoice was submitted
      Object.assign(payload, {
        Date: new Date().toUTCString(),
        MessageID: `e2e-payment-${Date.now()}`,
        TextBody: text,
        HtmlBody: '',
        StrippedTextReply: text,
        Attachments: [],
      }),
    );
    expect(res.status).toBe(200);

    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: admin, invoiceId, lang: 'es' });
    await page.addStyleTag({ content: '.hx-pane { width: 340px !important; }' });
    await page.getByTestId('tab-payments').click();
    const suggestion = page.getByTestId('payment-suggestion');
    await suggestion.getByRole('button', { name: P.recordSuggested(formatMoney(notice, 'es')) }).waitFor({ timeout: 20_000 });
    expect(await suggestion.textContent()).toContain(text);
    await page.screenshot({ path: join(shotDir, 'notice-suggested.png') });
    await suggestion.getByRole('button', { name: P.recordSuggested(formatMoney(notice, 'es')) }).click();
    const form = page.getByTestId('payment-form');
    // the amount as Spanish writes money ("2.060.926,54"), the reference read from the reply
    expect(await form.locator('input[name=amount]').inputValue()).toBe(formatCents(notice, 'es'));
    expect(await form.locator('input[name=reference]').inputValue()).toBe('88213-A');
    expect(await form.locator('select[name=method]').inputValue()).toBe('wire');
    await form.getByTestId('payment-prefilled').waitFor();
    await page.screenshot({ path: join(shotDir, 'notice-prefilled.png') });
    await form.getByTestId('payment-save').click();
    await page
      .getByTestId('payment-done')
      .getByText(P.recorded(formatMoney(notice, 'es')))
      .waitFor();
    const after = await api<Payments>(env.baseUrl, admin, 'GET', `/invoices/${invoiceId}/payments`);
    expect(after.paidCents).toBe(before.paidCents + notice);
    expect(after.suggestions).toEqual([]);
    expect(after.payments.at(-1)).toMatchObject({ amountCents: notice, flag: 'partial', method: 'wire', reference: '88213-A' });
    expect(after.payments.at(-1)!.sourceMessageId).not.toBeNull();

    // void it: a reason is asked for, then the payment no longer counts
    const row = page.locator(`[data-testid=payment-row][data-payment-id="${after.payments.at(-1)!.id}"]`);
    await row.getByTestId('payment-void').click();
    await row.locator('input[name=voidReason]').fill('Cheque devuelto por el banco');
    await page.screenshot({ path: join(shotDir, 'void-confirm.png') });
    await row.getByTestId('payment-void-confirm').click();
    await expect.poll(() => row.getAttribute('data-voided')).toBe('true');
    await page.screenshot({ path: join(shotDir, 'voided.png') });
    const voided = await api<Payments>(env.baseUrl, admin, 'GET', `/invoices/${invoiceId}/payments`);
    expect(voided.paidCents).toBe(before.paidCents);
    expect(voided.payments.at(-1)!.voided?.reason).toBe('Cheque devuelto por el banco');
    await page.context().close();
  });

  it('shows a read-only member the figures and payments, with no form and why', async () => {
    const P = paymentLabels('en');
    const invoiceId = env.invoiceIds['2']!;
    const figures = await api<Payments>(env.baseUrl, env.tokens.readOnly!, 'GET', `/invoices/${invoiceId}/payments`);
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.readOnly!, invoiceId });
    await page.addStyleTag({ content: '.hx-pane { width: 340px !important; }' });
    await page.getByTestId('tab-payments').click();
    await page.getByTestId('payments-why-not').getByText(P.readOnly).waitFor();
    expect(await page.getByTestId('payment-paid').textContent()).toBe(formatMoney(figures.paidCents, 'en'));
    expect(await page.getByTestId('payment-new').count()).toBe(0);
    expect(await page.getByTestId('payment-void').count()).toBe(0);
    await page.screenshot({ path: join(shotDir, 'read-only-payments.png') });
    await page.context().close();
  });
});
