// Lien waivers and the getting-paid settings in the harness, against the real worker, at the
// task pane's narrow width: a new admin's project is set to California in its Settings tab (and
// the contract's 10% retainage is then flagged above California's cap, with its source); the
// contract's payment terms and reminders are saved in its Setup tab and read back; an approved
// invoice with a partial payment (recorded through the API) gets an unconditional progress
// waiver generated and signed in the Waivers tab. The API is used to set up and to READ results;
// the figures expected are computed here from the setup, not read from the pane.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, env, useBrowser } from './fixtures';
import { api, openHarness, waitForStatus } from './harness-driver.mjs';
import { repoRoot } from './private-worker.mjs';
import { contractLabels } from '../src/ui/contract/labels';
import { waiverLabels } from '../src/ui/waivers/labels';

const artifacts = join(repoRoot, 'test-artifacts', 'waivers-pane');

/** The pane at the narrow width of Excel's task pane (the harness shows it at 380 px). */
async function narrowPane(page: Page) {
  await page.addStyleTag({ content: '.hx-pane { width: 340px !important; }' });
}

let shotNo = 0;
/** The task pane alone (340 px wide), as the user sees it at that moment. */
async function shot(page: Page, name: string) {
  shotNo += 1;
  await page.locator('.hx-pane').screenshot({ path: join(artifacts, `${String(shotNo).padStart(2, '0')}-${name}.png`) });
}

/** Today as the worker's clock reads it (UTC): a payment may not be dated in the future. */
const today = new Date().toISOString().slice(0, 10);

// The contract: three $10,000.00 lines at 10% work retainage. Invoice 1 bills $12,000.00 of work
// (line 1 $10,000.00, line 2 $2,000.00): line 8 = $12,000.00 − 10% = $10,800.00. The owner pays
// $6,250.00 of it: the unconditional progress waiver is for that payment, $6,250.00.
const BILLED = [1_000_000, 200_000];
const LINE8 = ((BILLED[0]! + BILLED[1]!) * 9) / 10;
const PAID = 625_000;

async function newAdmin(): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${env.baseUrl}/dev/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Wendy Waiver', email: `waivers.${Date.now()}@gc-waivers.example.com`, companyName: 'Waiver GC', locale: 'en' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; userId: string };
}

/** An approved contract of `kind` in the project with invoice 1 billed, approved and partly paid. */
async function billedAndPaid(token: string, projectId: string, kind: 'prime' | 'commitment') {
  const call = <T = any>(method: string, path: string, body?: unknown) => api<T>(env.baseUrl, token, method, path, body);
  const { billingPeriods } = await call('GET', `/projects/${projectId}/billing-periods`);
  const contract = await call('POST', `/projects/${projectId}/contracts`, {
    kind,
    accountingMethod: 'amount',
    title: kind === 'prime' ? 'Lab shell' : 'Steel erection',
    workRetainageBps: 1000,
    storedRetainageBps: 500,
  });
  await call('PUT', `/contracts/${contract.id}/sov`, {
    lines: ['Foundations', 'Frame', 'Roof'].map((description, i) => ({ itemNo: `00${i + 1}`, description, scheduledValueCents: 1_000_000 })),
  });
  await call('POST', `/contracts/${contract.id}/approve`);
  const created = await call('POST', `/contracts/${contract.id}/invoices`, { billingPeriodId: billingPeriods[0].id });
  const invoiceId: string = created.invoice.id;
  const view = await call('GET', `/invoices/${invoiceId}`);
  // the lines' PATCH is version-checked (If-Match), which the JSON helper does not send
  const res = await fetch(`${env.baseUrl}/api/v1/invoices/${invoiceId}/lines`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': String(view.invoice.version) },
    body: JSON.stringify({ edits: BILLED.map((cents, i) => ({ lineId: view.lines[i].lineId, workCompletedThisPeriod: (cents / 100).toFixed(2) })) }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  await call('POST', `/invoices/${invoiceId}/status`, { status: 'under_review' });
  await call('POST', `/invoices/${invoiceId}/status`, { status: 'approved' });
  const approved = await call('GET', `/invoices/${invoiceId}`);
  expect(approved.g702.line8CurrentPaymentDueCents).toBe(LINE8);
  const paid = await call('POST', `/invoices/${invoiceId}/payments`, { receivedOn: today, amountCents: PAID, method: 'check', reference: 'CHK 4471' });
  expect(paid).toMatchObject({ paidCents: PAID, openCents: LINE8 - PAID, state: 'partial' });
  return { contractId: contract.id as string, invoiceId, paymentId: paid.payments[0].id as string };
}

/** A new admin's project (no jurisdiction yet) with its October billing period. */
async function newProject(token: string): Promise<string> {
  const project = await api(env.baseUrl, token, 'POST', '/projects', {
    name: 'Mission Bay Lab',
    number: 'MB-1',
    address: '1 Mission Bay Blvd, San Francisco, CA',
  });
  await api(env.baseUrl, token, 'POST', `/projects/${project.id}/billing-periods`, {
    schedule: 'manual',
    start: '2026-10-01',
    end: '2026-10-31',
    due: '2026-11-05',
  });
  return project.id;
}

describeBrowser('lien waivers and getting-paid settings in the pane', () => {
  const browser = useBrowser();

  it('sets California, saves payment terms and reminders, generates and signs the unconditional waiver for the payment', async () => {
    mkdirSync(artifacts, { recursive: true });
    const admin = await newAdmin();
    const read = <T = any>(path: string) => api<T>(env.baseUrl, admin.token, 'GET', path);
    const projectId = await newProject(admin.token);
    const { contractId, invoiceId, paymentId } = await billedAndPaid(admin.token, projectId, 'prime');
    const C = contractLabels('en');

    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: admin.token });
    await narrowPane(page);
    await page.getByTestId('project-screen').waitFor();
    await expect.poll(() => page.getByTestId('project-screen').getAttribute('data-project-id')).toBe(projectId);

    // 1. the project's Settings tab: California, private work (readable names in the list)
    await page.getByTestId('project-tab-settings').click();
    const settings = page.getByTestId('project-settings');
    const jurisdiction = settings.locator('select[name=jurisdiction]');
    expect(await jurisdiction.locator('option[value="US-CA"]').textContent()).toBe('California, US');
    expect(await jurisdiction.locator('option[value="CA-ON"]').textContent()).toBe('Ontario, Canada');
    await jurisdiction.selectOption('US-CA');
    await shot(page, 'project-settings');
    await page.getByTestId('project-settings-save').click();
    await page.getByTestId('project-settings-saved').waitFor();
    expect(await read(`/projects/${projectId}`)).toMatchObject({ jurisdiction: 'US-CA', workType: 'private' });

    // 2. the contract's Setup tab: 45-day terms, reminders every 10 days (0 days refused in the pane first)
    await page.getByTestId('project-tab-contracts').click();
    await page.getByTestId('contract-row').first().click();
    // California private work caps retainage at 5%; this contract holds 10%: a warning with its statute
    const cap = page.locator('[data-testid=contract-deadlines] [data-testid=deadline][data-code="US-CA.private-retainage-cap"]');
    await cap.waitFor();
    expect(await cap.locator('a').getAttribute('href')).toMatch(/^https:\/\//);
    expect(await cap.textContent()).toContain('Source:');
    await shot(page, 'contract-deadlines');
    await page.getByTestId('contract-tab-setup').click();
    const form = page.getByTestId('contract-form');
    await form.locator('input[name=paymentTermsDays]').fill('0');
    await form.locator('input[name=remindersEnabled]').check();
    await form.locator('input[name=reminderCadenceDays]').fill('10');
    await page.getByTestId('contract-save').click();
    await form.getByText(C.daysRange(1, 365)).waitFor();
    await shot(page, 'contract-terms-refused');
    await form.locator('input[name=paymentTermsDays]').fill('45');
    await page.getByTestId('contract-save').click();
    await page.getByTestId('contract-saved').waitFor();
    await page.getByTestId('payment-terms').scrollIntoViewIfNeeded();
    await shot(page, 'contract-terms-saved');
    expect(await read(`/contracts/${contractId}`)).toMatchObject({ paymentTermsDays: 45, remindersEnabled: true, reminderCadenceDays: 10 });

    // 3. the approved, partly paid invoice: the Waivers tab offers the conditional waiver for line 8
    //    and the unconditional one for the payment; the California form is preselected
    await page.getByTestId('contract-tab-invoices').click();
    await page.locator(`[data-testid=invoice-row][data-invoice-id="${invoiceId}"]`).getByRole('button', { name: C.openInWorkbook }).click();
    await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
    await page.locator('[data-testid=invoice-deadlines] [data-code="US-CA.private-retainage-cap"]').waitFor();
    await page.getByTestId('tab-waivers').click();
    const generate = page.getByTestId('waiver-generate');
    await generate.waitFor();
    expect(await generate.getByTestId('waiver-form-us-ca').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('waiver-will-waive').getAttribute('data-amount-cents')).toBe(String(LINE8));
    await page.getByTestId('waiver-type-unconditional_progress').check();
    await expect.poll(() => page.getByTestId('waiver-will-waive').getAttribute('data-amount-cents')).toBe(String(PAID));
    await shot(page, 'waiver-generate');
    await page.getByTestId('waiver-create').click();

    // 4. sign: the exact amount shown first; the consent is required
    const sign = page.getByTestId('waiver-sign');
    await sign.waitFor();
    expect(await sign.getByTestId('waiver-waiving').textContent()).toContain('$6,250.00');
    await sign.locator('input[name=signerName]').fill('Wendy Waiver');
    await sign.locator('input[name=signerTitle]').fill('Controller');
    await page.getByTestId('waiver-sign-submit').click();
    await sign.getByText('Tick the box to agree that your typed name is your signature.').waitFor();
    await sign.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'waiver-sign-needs-consent');
    await sign.locator('input[name=consent]').check();
    await page.getByTestId('waiver-sign-submit').click();
    const signed = page.locator('[data-testid=waiver][data-status=signed]');
    await signed.waitFor({ timeout: 30_000 });
    await shot(page, 'waiver-signed');

    // 5. the server's record: signed, for the payment's amount, on the California form, attached to the invoice
    const { waivers } = await read(`/invoices/${invoiceId}/lien-waivers`);
    expect(waivers).toHaveLength(1);
    const waiver = waivers[0];
    expect(waiver).toMatchObject({
      type: 'unconditional_progress',
      form: 'us-ca',
      status: 'signed',
      amountCents: PAID,
      paymentId,
      signer: { name: 'Wendy Waiver', title: 'Controller' },
    });
    const { attachments } = await read(`/invoices/${invoiceId}/attachments`);
    expect(attachments.map((a: { id: string }) => a.id)).toContain(waiver.attachmentId);

    // 6. the PDF from the pane (a download) and the audit trail
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), signed.getByTestId('waiver-pdf').click()]);
    const pdfPath = join(artifacts, 'signed-waiver.pdf');
    await download.saveAs(pdfPath);
    // "Open" points a new window at a 5-minute signed link: it answers the PDF without a bearer token
    const [popup] = await Promise.all([page.context().waitForEvent('page', { timeout: 30_000 }), signed.getByTestId('waiver-open').click()]);
    await expect.poll(() => popup.url(), { timeout: 20_000 }).toMatch(/\/lien-waivers\/.+\/pdf\?.*sig=/);
    const viaLink = await fetch(popup.url());
    expect([viaLink.status, viaLink.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    await popup.close();
    await signed.getByTestId('waiver-audit-toggle').click();
    await signed.locator('[data-testid=waiver-audit] [data-action=signed]').waitFor();
    await signed.getByTestId('waiver-audit').scrollIntoViewIfNeeded();
    await shot(page, 'waiver-audit');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/UNCONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT/i);
    expect(text).toContain('6,250.00');
    expect(text).toContain('Wendy Waiver');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(artifacts, 'signed-waiver')]);
    writeFileSync(join(artifacts, 'signed-waiver.json'), JSON.stringify(waiver, null, 2));

    // 7. void it, with a reason (required): the waiver stays, marked void, and the payment can be waived again
    const card = page.locator(`[data-testid=waiver][data-waiver-id="${waiver.id}"]`);
    await card.getByTestId('waiver-void').click();
    await card.getByTestId('waiver-void-confirm').click();
    await card.getByText('Say why the waiver is void.').waitFor();
    await card.locator('input[name=void-reason]').fill('Signed by the wrong person');
    await card.getByTestId('waiver-void-confirm').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('void');
    await card.locator('[data-testid=waiver-audit] [data-action=voided]').waitFor();
    await expect.poll(() => page.getByTestId('waiver-type-unconditional_progress').isDisabled()).toBe(false);
    await shot(page, 'waiver-void');
    expect((await read(`/invoices/${invoiceId}/lien-waivers`)).waivers[0]).toMatchObject({ status: 'void', voided: { reason: 'Signed by the wrong person' } });
    await page.context().close();
  });

  it('a subcontract: the paid invoice without an unconditional waiver is flagged until the one received is recorded', async () => {
    const admin = await newAdmin();
    const read = <T = any>(path: string) => api<T>(env.baseUrl, admin.token, 'GET', path);
    const projectId = await newProject(admin.token);
    const { invoiceId } = await billedAndPaid(admin.token, projectId, 'commitment');
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: admin.token, invoiceId });
    await narrowPane(page);
    await page.getByTestId('tab-waivers').click();
    const missing = page.getByTestId('waiver-missing-unconditional');
    await missing.waitFor();
    expect(await missing.getAttribute('data-missing-cents')).toBe(String(PAID));
    const form = page.getByTestId('waiver-received');
    await form.getByTestId('received-type-unconditional_progress').check();
    await form.locator('input[name=received-amount]').fill('6,250.00');
    await form.locator('input[name=received-through]').fill('2026-10-31');
    await form.getByTestId('received-file').setInputFiles(join(repoRoot, 'fixtures', 'attachments', 'lien-waiver-conditional.pdf'));
    await shot(page, 'received-form');
    await page.getByTestId('waiver-record').click();
    await page.locator('[data-testid=waiver][data-direction=received]').waitFor({ timeout: 30_000 });
    await expect.poll(() => missing.count()).toBe(0);
    await shot(page, 'received-recorded');
    const list = await read(`/invoices/${invoiceId}/lien-waivers`);
    expect(list.warning).toBeNull();
    expect(list.waivers[0]).toMatchObject({ direction: 'received', type: 'unconditional_progress', amountCents: PAID, throughDate: '2026-10-31' });
    const { attachments } = await read(`/invoices/${invoiceId}/attachments`);
    expect(attachments.map((a: { id: string }) => a.id)).toContain(list.waivers[0].attachmentId);
    await page.context().close();
  });

  it('in French at 340 px: the generate form names the types and forms in French, amounts in French notation', async () => {
    const W = waiverLabels('fr');
    const admin = await newAdmin();
    const { invoiceId } = await billedAndPaid(admin.token, await newProject(admin.token), 'prime');
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: admin.token, invoiceId, lang: 'fr' });
    await narrowPane(page);
    await page.getByTestId('tab-waivers').click();
    const generate = page.getByTestId('waiver-generate');
    await generate.waitFor();
    await generate.getByText(W.type.conditional_progress).waitFor();
    await generate.getByText(W.form['us-tx']).waitFor();
    // no jurisdiction: the generic form; line 8 = 10 800,00 $ written the French way
    expect(await generate.getByTestId('waiver-form-generic').isChecked()).toBe(true);
    const willWaive = page.getByTestId('waiver-will-waive');
    expect(await willWaive.getAttribute('data-amount-cents')).toBe(String(LINE8));
    expect((await willWaive.textContent())?.replace(/[\u202f\u00a0]/g, ' ')).toBe('Cette renonciation portera sur 10 800,00 $.');
    await willWaive.scrollIntoViewIfNeeded();
    await shot(page, 'generate-fr');
    await page.context().close();
  });

  it('a read-only member sees an approved invoice’s waivers but cannot generate, sign or void', async () => {
    const invoiceId = env.invoiceIds['2']!;
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.readOnly!, invoiceId });
    await narrowPane(page);
    await page.getByTestId('tab-waivers').click();
    const panel = page.getByTestId('waivers-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-can-act')).toBe('false');
    await page.getByTestId('waivers-read-only').waitFor();
    expect(await page.getByTestId('waiver-generate').count()).toBe(0);
    expect(await page.getByTestId('waiver-sign').count()).toBe(0);
    expect(await page.getByTestId('waiver-void').count()).toBe(0);
    await shot(page, 'read-only');
    await page.context().close();
  });
});
