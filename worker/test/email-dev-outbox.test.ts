import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app';
import type { AppBindings } from '../src/context';
import type { Env } from '../src/env';
import { errorResponse } from '../src/lib/error-handler';
import { devOutboxRoutes } from '../src/routes/dev-outbox';
import { buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { waitFor } from './email-support';
import { ok } from './helpers';

// The outbox is mounted only with DEV_MODE=1 (set by `npm start`), which the test worker does not
// have: the same routes are mounted here on an app that is given DEV_MODE=1, and they post to the
// real app's webhook.
const devApp = new Hono<AppBindings>();
devApp.onError((err, c) => errorResponse(c, err));
devApp.route(
  '/dev',
  devOutboxRoutes((request, e, ctx) => app.fetch(request, e, ctx)),
);
const devEnv = { ...(env as unknown as Env), DEV_MODE: '1' };

async function dev(path: string, init?: RequestInit, e: Env = devEnv) {
  const ctx = createExecutionContext();
  const res = await devApp.fetch(new Request(`http://localhost${path}`, init), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('the local outbox (/dev/outbox)', () => {
  let b: ReadyInvoice;
  let emailId: string;
  beforeAll(async () => {
    b = await buildReadyInvoice();
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
      to: [{ email: 'maria.gomez@owner-example.com', name: 'María Gómez' }],
    });
    emailId = sent.email.id;
    await waitFor('the outbox to keep it', async () => {
      const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
      return list.threads[0].messages[0].status === 'sent';
    });
  });

  it('is not there without DEV_MODE', async () => {
    const res = await SELF.fetch('http://localhost/dev/outbox.json');
    expect(res.status).toBe(404);
    expect((await dev('/dev/outbox.json', undefined, { ...devEnv, DEV_MODE: undefined })).status).toBe(404);
  });

  it('lists the mail as stored, as JSON with bodies and as a page', async () => {
    const json = (await (await dev('/dev/outbox.json')).json()) as { messages: any[] };
    const m = json.messages.find((x) => x.id === emailId);
    expect(m).toMatchObject({ kind: 'invoice', status: 'sent', invoiceId: b.invoiceId, to: [{ email: 'maria.gomez@owner-example.com', name: 'María Gómez' }] });
    expect(m.providerMessageId).toMatch(/^local-/);
    expect(m.replyAddress).toBe(`reply+${m.mailboxHash}@reply.localhost`);
    expect(m.html).toContain('1. Original contract sum');
    const page = await dev('/dev/outbox');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain(`/dev/outbox/${emailId}`);
  });

  it('shows a message as the recipient sees it: in a sandboxed frame with its own CSP', async () => {
    const page = await (await dev(`/dev/outbox/${emailId}`)).text();
    expect(page).toContain(`<iframe sandbox="" src="/dev/outbox/${emailId}/body"`);
    expect(page).toContain('<textarea name="text">Aprobado, gracias</textarea>');
    const body = await dev(`/dev/outbox/${emailId}/body`);
    expect(body.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(await body.text()).toContain('G702');
  });

  it('"Reply as recipient" posts a Postmark-format payload to the webhook; the reply lands on the thread as an approval', async () => {
    const form = new FormData();
    form.set('text', 'Aprobado, gracias');
    form.set('fromEmail', 'maria.gomez@owner-example.com');
    form.set('fromName', 'María Gómez');
    form.set('file', new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'firma.pdf', { type: 'application/pdf' }));
    const res = await dev(`/dev/outbox/${emailId}/reply`, { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^/dev/outbox/${emailId}\\?replied=rcp_`));
    const reply = await waitFor('the reply on the thread', async () => {
      const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
      return list.threads[0].messages[1];
    });
    expect(reply).toMatchObject({
      direction: 'inbound',
      from: { email: 'maria.gomez@owner-example.com', name: 'María Gómez' },
      text: 'Aprobado, gracias',
      classification: { kind: 'approval' },
      isFromOutsider: false,
      attachments: [{ fileName: 'firma.pdf', contentType: 'application/pdf' }],
    });
    expect(reply.fullText).toMatch(/^Aprobado, gracias\n\nOn .+ wrote:\n> /);
  });

  it('the JSON variant answers with the webhook result, and refuses an empty reply', async () => {
    const res = await dev(`/dev/outbox/${emailId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Rechazada – ver la línea 2' }),
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as any;
    expect(out).toMatchObject({ webhookStatus: 200, webhook: { received: true } });
    await waitFor('the rejection on the thread', async () => {
      const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
      const m = list.threads[0].messages.find((x: any) => x.providerMessageId === out.postmarkMessageId);
      return m?.classification?.kind === 'rejection' && m.classification.reason === 'Rechazada – ver la línea 2';
    });
    const empty = await dev(`/dev/outbox/${emailId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '  ' }),
    });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as any).error.details[0]).toMatchObject({ field: 'text', message: 'write the reply' });
  });

  it('says what to configure when the webhook has no credentials', async () => {
    const res = await dev(
      `/dev/outbox/${emailId}/reply`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'ok' }) },
      { ...devEnv, INBOUND_WEBHOOK_PASSWORD: undefined },
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toMatch(/Set INBOUND_WEBHOOK_USER and INBOUND_WEBHOOK_PASSWORD/);
  });
});
