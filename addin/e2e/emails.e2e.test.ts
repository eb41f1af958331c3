import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, env, postInboundReply, screenshot, useBrowser } from './fixtures';
import { api, openHarness } from './harness-driver.mjs';

type OutboxMessage = {
  id: string;
  subject: string;
  to: Array<{ email: string }>;
  threadId: string | null;
  invoiceId: string | null;
  replyAddress: string | null;
};
type Thread = { id: string; replyAddress: string; messages: Array<{ id: string; direction: string }> };

const OWNER = 'maria.gomez@owner-example.com';

async function outboxFor(invoiceId: string): Promise<OutboxMessage[]> {
  const res = await fetch(`${env.baseUrl}/dev/outbox.json?limit=50`);
  const body = (await res.json()) as { messages: OutboxMessage[] };
  return body.messages.filter((m) => m.invoiceId === invoiceId && m.to.some((t) => t.email === OWNER) && m.replyAddress);
}

/** Everything that could run in the pane: script elements, on* attributes, frames, javascript: links. */
async function activeContent(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="emails-panel"]')!;
    const all = [pane, ...Array.from(pane.querySelectorAll('*'))];
    return {
      scripts: pane.querySelectorAll('script').length,
      frames: pane.querySelectorAll('iframe, frame, object, embed, form').length,
      images: pane.querySelectorAll('img').length,
      onAttributes: all.flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${el.tagName}.${a.name}`),
      ),
      scriptLinks: Array.from(pane.querySelectorAll('a[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    };
  });
}

describeBrowser('emails', () => {
  const browser = useBrowser();
  const invoiceId = env.invoiceIds['3']!;

  it('sends invoice 3 to the owner, takes the reply from /dev/outbox and shows it as an approval', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId });
    await page.getByTestId('tab-emails').click();
    await page.getByTestId('emails-none').waitFor();
    await page.getByTestId('email-compose').click();
    const form = page.getByTestId('email-form');
    // CC holds the sender by default; the subject shows the standard one the server will use
    const me = await api<{ user: { name: string; email: string } }>(env.baseUrl, env.tokens.admin!, 'GET', '/me');
    expect(await form.getByTestId('recipients-cc').textContent()).toContain(me.user.email);
    expect(await form.getByTestId('email-subject').getAttribute('placeholder')).toMatch(
      /^Invoice #3 for Prime Contract #1 – \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d$/,
    );

    // a typo is refused next to the field, then the real address goes in
    await form.locator('input[name=to]').fill('maria.gomez@');
    await form.getByTestId('add-to').click();
    await form.getByText('Not an email address: maria.gomez@').waitFor();
    await form.locator('input[name=to]').fill(OWNER);
    await form.getByTestId('add-to').click();
    expect(await form.getByTestId('recipients-to').textContent()).toContain(OWNER);
    await form.locator('textarea[name=message]').fill('Please find invoice #3 attached.');
    await form.getByTestId('email-send').click();
    await form.getByTestId('email-notice').getByText('Communication created').waitFor();
    // a yellow bar, as the source shows it (Fluent colorPaletteYellowBackground2 = #fef7b2)
    expect(await form.getByTestId('email-notice').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(254, 247, 178)');
    const outbound = page.locator('[data-testid=email-message][data-direction=outbound]');
    await outbound.first().waitFor();
    expect(await outbound.first().textContent()).toContain('Please find invoice #3 attached.');
    await screenshot(page, 'emails-sent');

    // the message reaches the local outbox from the queue
    await expect.poll(async () => (await outboxFor(invoiceId)).length, { timeout: 30_000, interval: 250 }).toBe(1);
    const [mail] = await outboxFor(invoiceId);
    expect(mail!.subject).toMatch(/^Invoice #3 for Prime Contract #1 – /);

    // the recipient answers from the outbox page ("Reply as recipient")
    const outboxPage = await page.context().newPage();
    await outboxPage.goto(`${env.baseUrl}/dev/outbox/${encodeURIComponent(mail!.id)}`);
    await outboxPage.locator('textarea[name=text]').fill('Aprobado, gracias');
    await outboxPage.getByRole('button', { name: /Send reply to/ }).click();
    await outboxPage
      .getByRole('status')
      .getByText(/Reply posted to the inbound webhook/)
      .waitFor();
    await outboxPage.close();

    // the reply appears on the Emails tab (polling) classified as an approval, sender on the thread
    const inbound = page.locator('[data-testid=email-message][data-direction=inbound]');
    await inbound.first().waitFor({ timeout: 30_000 });
    expect(await inbound.getByTestId('email-text').textContent()).toContain('Aprobado, gracias');
    expect(await inbound.getByTestId('email-sender').textContent()).toContain(OWNER);
    const badge = inbound.getByTestId('classification-badge');
    expect(await badge.getAttribute('data-kind')).toBe('approval');
    expect(await badge.textContent()).toBe('Approved');
    expect(await inbound.getByTestId('email-outsider').count()).toBe(0);
    // invoice 3 is a draft: no one-click status change, and the pane says why
    expect(await inbound.getByTestId('reply-actions').count()).toBe(0);
    expect(await inbound.getByTestId('reply-actions-unavailable').textContent()).toBe('Status actions are not available while the invoice is Draft.');
    await outbound.first().getByTestId('email-status').waitFor();
    await inbound.scrollIntoViewIfNeeded();
    await screenshot(page, 'emails-approval');
    await page.context().close();
  });

  it('shows a reply whose HTML holds <script> and onerror= without any active content', async () => {
    const { threads } = await api<{ threads: Thread[] }>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${invoiceId}/emails`);
    const thread = threads[0]!;
    const res = await postInboundReply(thread.replyAddress, (payload) => {
      payload.MessageID = `e2e-xss-${Date.now()}`;
      payload.Headers = [];
      payload.HtmlBody =
        String(payload.HtmlBody) +
        '<img src="x" onerror="window.__xss=1"><svg onload="window.__xss=2"></svg>' +
        '<a href="javascript:window.__xss=3" onclick="window.__xss=4" id="bad-link">click me</a> <a href="https://example.com/ok" id="good-link">ok</a>' +
        '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe><form action="https://evil.example"><input name="p"></form>';
    });
    expect(res.status).toBe(200);

    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId });
    await page.getByTestId('tab-emails').click();
    const reply = page.locator('[data-testid=email-message][data-direction=inbound]', { hasText: 'Procedemos con el pago' });
    await reply.waitFor({ timeout: 30_000 });
    await reply.getByTestId('email-toggle-full').click();
    const full = reply.getByTestId('email-full');
    await full.waitFor();
    // the HTML path ran (not the text fallback), and kept the readable part and the safe link
    expect(await full.getAttribute('data-format')).toBe('html');
    expect(await full.textContent()).toContain('Aprobado, gracias. Procedemos con el pago esta semana.');
    const good = full.locator('a', { hasText: 'ok' });
    expect(await good.getAttribute('href')).toBe('https://example.com/ok');
    expect(await good.getAttribute('target')).toBe('_blank');
    expect(await good.getAttribute('rel')).toContain('noopener');
    await full.getByText('click me').click();
    await page.waitForTimeout(500);
    expect(await activeContent(page)).toEqual({ scripts: 0, frames: 0, images: 0, onAttributes: [], scriptLinks: 0, xss: null });
    await full.scrollIntoViewIfNeeded();
    await screenshot(page, 'emails-xss');
    await page.context().close();
  });

  it('opens the invoice PDF through a signed link (Preview PDF), no bearer token in the URL', async () => {
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId });
    await page.getByTestId('tab-pdf').click();
    const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('pdf-preview').click()]);
    await expect.poll(() => popup.url(), { timeout: 30_000 }).toContain(`/api/v1/invoices/${invoiceId}/pdf`);
    const url = new URL(popup.url());
    expect(url.searchParams.get('sig')).toBeTruthy();
    expect(popup.url()).not.toContain(env.tokens.admin!);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    await screenshot(page, 'emails-pdf-tab');
    await page.context().close();
  });
});
