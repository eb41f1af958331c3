import { expect, it } from 'vitest';
import { describeBrowser, env, postInboundReply, screenshot, sheetNamed, useBrowser } from './fixtures';
import { api, openHarness, pasteTsv, selectCell, waitForStatus } from './harness-driver.mjs';

const FIRST_DATA_ROW = 8; // G703 header block rows 1–6, table header row 7; no groups on this contract
const OWNER = 'maria.gomez@owner-example.com';
const SENTENCE = 'rechazada, la partida 012 está mal medida';

/** A draft invoice on its own contract with three lines of the demo schedule (items 011–013). */
async function threeLineInvoice(): Promise<string> {
  const token = env.tokens.admin!;
  const { billingPeriods } = await api<{ billingPeriods: Array<{ id: string }> }>(env.baseUrl, token, 'GET', `/projects/${env.projectId}/billing-periods`);
  const contract = await api<{ id: string }>(env.baseUrl, token, 'POST', `/projects/${env.projectId}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'E2E replies',
    workRetainageBps: 1000,
    storedRetainageBps: 0,
  });
  await api(env.baseUrl, token, 'PUT', `/contracts/${contract.id}/sov`, {
    lines: [
      { itemNo: '011', description: 'Elevated slabs', scheduledValueCents: 11_011_925 },
      { itemNo: '012', description: 'Concrete reinforcing', scheduledValueCents: 46_014_000 },
      { itemNo: '013', description: 'Concrete finishing', scheduledValueCents: 88_201_725 },
    ],
  });
  await api(env.baseUrl, token, 'POST', `/contracts/${contract.id}/approve`);
  const created = await api<{ invoice: { id: string } }>(env.baseUrl, token, 'POST', `/contracts/${contract.id}/invoices`, {
    billingPeriodId: billingPeriods[0]!.id,
  });
  return created.invoice.id;
}

/** The owner's reply through the inbound webhook, as Postmark would post it (SPF passes for her domain). */
async function ownerReplies(invoiceId: string, text: string): Promise<void> {
  const sent = await api<{ thread: { replyAddress: string } }>(env.baseUrl, env.tokens.admin!, 'POST', `/invoices/${invoiceId}/emails`, {
    to: [{ email: OWNER }],
    message: 'Invoice attached.',
  });
  const address = sent.thread.replyAddress;
  const res = await postInboundReply(address, (payload) =>
    Object.assign(payload, {
      MessageID: `e2e-reply-${Date.now()}`,
      TextBody: `${text}\n\nEl lun, 31 mar 2025 a las 16:02, Ana Ruiz escribió:\n> Adjunto la factura.`,
      HtmlBody: '',
      StrippedTextReply: text,
      Attachments: [],
    }),
  );
  expect(res.status).toBe(200);
}

describeBrowser('replies understood', () => {
  const browser = useBrowser();

  it('links partida 012 from the owner’s rejection, marks its row with the sentence, and unmarks it once the line is saved', async () => {
    const invoiceId = await threeLineInvoice();
    await ownerReplies(invoiceId, SENTENCE);
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId, lang: 'es' });
    const g703 = await sheetNamed(page, 'G703 #');
    const row012 = FIRST_DATA_ROW + 1;
    expect(await page.locator(`[data-sheet="${g703}"] [data-a1="A${row012}"]`).textContent()).toBe('012');

    // the Emails tab: a rejection with its reason, line 012 as a link
    await page.getByTestId('tab-emails').click();
    const reply = page.locator('[data-testid=email-message][data-direction=inbound]', { hasText: SENTENCE });
    await reply.waitFor({ timeout: 30_000 });
    const badge = reply.getByTestId('classification-badge');
    expect(await badge.getAttribute('data-kind')).toBe('rejection');
    expect(await badge.textContent()).toBe(`Rechazada – ${SENTENCE}`);
    const link = reply.getByTestId('reply-line-link');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('data-item-no')).toBe('012');
    expect(await link.textContent()).toBe('012 Concrete reinforcing');
    expect(await link.getAttribute('title')).toContain(SENTENCE);

    // the workbook row of line 012 carries the sentence as the add-in's note; 011 and 013 do not
    const description = (row: number) => page.locator(`[data-sheet="${g703}"] [data-a1="B${row}"]`);
    await expect.poll(async () => description(row012).getAttribute('data-note'), { timeout: 15_000, interval: 200 }).toContain(SENTENCE);
    // the add-in's notes start with its prefix (marks.ts MARK_PREFIX), so a user's own notes are never touched
    expect(await description(row012).getAttribute('data-note')).toBe(`Progress Billing: Respuesta de María Gómez: «${SENTENCE}»`);
    expect(await description(row012 - 1).getAttribute('data-note')).toBeNull();
    expect(await description(row012 + 1).getAttribute('data-note')).toBeNull();
    // the link selects the line's row
    await link.click();
    await expect
      .poll(() => page.evaluate(() => (window.__workbook as unknown as { book: { selection: { address: string } | null } }).book.selection?.address ?? null), {
        timeout: 5_000,
      })
      .toBe(`B${row012}`);
    await reply.scrollIntoViewIfNeeded();
    await screenshot(page, 'replies-partida-012-linked');
    await selectCell(page, g703, `B${row012}`);
    await screenshot(page, 'replies-partida-012-marked');

    // the accountant corrects line 012 (E, this period) and it saves: the note goes
    await pasteTsv(page, g703, `E${row012}`, '1500');
    await waitForStatus(page, (s) => s.kind === 'saved', 30_000);
    await expect.poll(async () => description(row012).getAttribute('data-note'), { timeout: 15_000, interval: 200 }).toBeNull();
    // and the server agrees: the reference is closed, so a reload does not mark it again
    const { threads } = await api<{ threads: Array<{ messages: Array<{ classification: { lines: Array<{ itemNo: string; isOpen: boolean }> } | null }> }> }>(
      env.baseUrl,
      env.tokens.admin!,
      'GET',
      `/invoices/${invoiceId}/emails`,
    );
    const refs = threads.flatMap((t) => t.messages.flatMap((m) => m.classification?.lines ?? []));
    expect(refs).toEqual([expect.objectContaining({ itemNo: '012', isOpen: false })]);
    await screenshot(page, 'replies-partida-012-unmarked');
    await page.context().close();
  });
});
