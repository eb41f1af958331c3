// Send in bulk in the harness against the real local worker (no Postmark token: the
// local outbox): register a batch of demo invoices 1–2 to the contract's invoice contacts, send a
// test email and find it in /dev/outbox, start with confirmation, watch the progress bar finish.
import { expect, it } from 'vitest';
import { describeBrowser, env, screenshot, useBrowser } from './fixtures';
import { api, openHarness } from './harness-driver.mjs';

type OutboxMessage = { id: string; subject: string; to: Array<{ email: string }>; threadId: string | null; providerMessageId: string | null; html?: string };

describeBrowser('send in bulk', () => {
  const browser = useBrowser();

  it('registers a batch, sends a test to the outbox, starts after confirming and finishes', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId: env.invoiceIds['2']! });
    await page.getByTestId('tab-send-batches').click();
    await page.getByTestId('batch-list').waitFor();
    await page.getByTestId('new-batch').click();

    const form = page.getByTestId('batch-register-form');
    await form.locator('select[name=batchContract] option', { hasText: 'Harbor Point MOB – Prime Contract' }).waitFor({ state: 'attached' });
    await form.locator('input[name=batchName]').fill('E2E month end');
    await form.locator('input[name=fromNumber]').fill('1');
    await form.locator('input[name=toNumber]').fill('2');
    await form.getByRole('button', { name: 'Register batch' }).click();

    const detail = page.getByTestId('batch-detail');
    await detail.waitFor();
    const batchId = (await detail.getAttribute('data-batch-id'))!;
    expect(await detail.getByTestId('batch-status').getAttribute('data-status')).toBe('registered');
    const invoices = detail.getByTestId('batch-invoice');
    expect(await invoices.count()).toBe(2);
    expect(await invoices.nth(0).textContent()).toContain('Invoice #1 · Prime Contract #1 · 1 recipient(s)');
    await invoices.nth(1).getByTestId('show-recipients').click();
    await invoices.nth(1).getByText('María Gómez <maria.gomez@owner-example.com> · pending').waitFor();
    await screenshot(page, 'send-batch-registered');

    // the test email: only to the test address, marked as a test, in the local outbox; the batch
    // speaks the pane's language (English here), not the sender's profile language (Spanish), as a single send does
    const testTo = `e2e.test.${Date.now()}@gc-example.com`;
    await detail.locator('input[name=testTo]').fill(testTo);
    await detail.getByRole('button', { name: 'Send test email' }).click();
    await detail.getByTestId('batch-notice').getByText(`Test email sent to ${testTo}.`).waitFor();
    const outbox = (await (await fetch(`${env.baseUrl}/dev/outbox.json?limit=20`)).json()) as { messages: OutboxMessage[] };
    const test = outbox.messages.filter((m) => m.to.some((t) => t.email === testTo));
    expect(test).toHaveLength(1);
    expect(test[0]!.subject).toBe('[TEST] Invoice #1 for Prime Contract #1 – 2026-08-01 – 2026-08-31');
    expect(test[0]!.to.map((t) => t.email)).toEqual([testTo]);
    expect(test[0]!.html).toContain('TEST — this is the message María Gómez &lt;maria.gomez@owner-example.com&gt; will receive');
    const outboxPage = await page.context().newPage();
    await outboxPage.goto(`${env.baseUrl}/dev/outbox`);
    await outboxPage.getByText(test[0]!.subject).first().waitFor();
    await outboxPage.close();

    // start, confirmed in a dialog; the progress bar goes live and ends at "finished"
    // Other e2e files share this demo and mail the same contact: count only what this batch sends.
    const readOutbox = async () => ((await (await fetch(`${env.baseUrl}/dev/outbox.json?limit=50`)).json()) as { messages: OutboxMessage[] }).messages;
    const before = new Set((await readOutbox()).map((m) => m.id));
    await detail.getByTestId('start-batch').click();
    await page.getByText('Send 2 message(s) now? Recipients receive them right away.').waitFor();
    await page.getByTestId('confirm-start').click();
    const bar = detail.getByTestId('batch-progress');
    await expect.poll(() => bar.getAttribute('data-status'), { timeout: 60_000, interval: 250 }).toBe('finished');
    expect(await bar.getAttribute('data-sent')).toBe('2');
    expect(await bar.textContent()).toContain('Finished · 2 sent · 0 failed · 0 pending of 2');
    await detail.getByTestId('batch-results').waitFor();
    // the recipient list that was open follows the progress
    await detail.getByTestId('batch-invoice').nth(1).getByText('María Gómez <maria.gomez@owner-example.com> · sent').waitFor();
    await page.waitForTimeout(600); // the bar's fill animation
    await screenshot(page, 'send-batch-finished');

    const progress = await api(env.baseUrl, env.tokens.admin!, 'GET', `/projects/${env.projectId}/send-batches/${batchId}/progress`);
    expect(progress).toEqual({ status: 'finished', total: 2, sent: 2, failed: 0, pending: 0, inFlight: 0 });
    const sent = (await readOutbox()).filter(
      (m) => !before.has(m.id) && m.to.some((t) => t.email === 'maria.gomez@owner-example.com') && m.threadId && !m.subject.startsWith('[TEST]'),
    );
    expect(sent.map((m) => m.subject).sort()).toEqual([
      'Invoice #1 for Prime Contract #1 – 2026-08-01 – 2026-08-31',
      'Invoice #2 for Prime Contract #1 – 2026-09-01 – 2026-09-30',
    ]);
    await page.context().close();
  });
});
