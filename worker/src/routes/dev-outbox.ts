import type { ExecutionContext } from '@cloudflare/workers-types';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ZEmailAddress } from '@shared/api/emails';
import type { AppBindings } from '../context';
import { bytesToBase64 } from '../email/base64';
import { OUTBOX_BODY_CSP, OUTBOX_PAGE_CSP, outboxListPage, outboxMessagePage } from '../email/outbox-pages';
import { systemCtx } from '../email/system-ctx';
import type { Env } from '../env';
import { AppError, notFound } from '../lib/app-error';
import { parseWith, readQuery } from '../lib/validate';
import { buildReplyPayload, type SimulatedReply } from '../services/emails/build-reply-payload';
import { listOutbox } from '../services/emails/list-outbox';

type Dispatch = (request: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response>;

const ZReply = z.object({
  text: z.string().trim().min(1, 'write the reply').max(10_000),
  fromEmail: ZEmailAddress.optional(),
  fromName: z.string().trim().max(200).optional(),
});
const ZOutboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

async function entry(c: Context<AppBindings>) {
  const [m] = await listOutbox({ ctx: systemCtx(c.env), input: { limit: 1, messageId: c.req.param('id'), withBodies: true } });
  if (!m) throw notFound('Outbox message');
  return m;
}

/** The reply from a form (multipart, optional file) or JSON ({ text, fromEmail?, fromName? }). */
async function readReply(c: Context<AppBindings>, defaults: { email: string; name: string }): Promise<SimulatedReply> {
  const isJson = /json/i.test(c.req.header('content-type') ?? '');
  let raw: Record<string, unknown>;
  let file: File | null = null;
  if (isJson) {
    raw = (await c.req.json().catch(() => null)) ?? {};
  } else {
    const form = await c.req.raw.formData();
    const f = form.get('file');
    if (f && typeof f !== 'string' && f.size > 0) file = f;
    raw = { text: form.get('text') ?? '', fromEmail: form.get('fromEmail') || undefined, fromName: form.get('fromName') || undefined };
  }
  const r = parseWith(ZReply, raw, 'Reply');
  const attachment = file
    ? { name: file.name, contentType: file.type || 'application/octet-stream', bytes: new Uint8Array(await file.arrayBuffer()) }
    : undefined;
  return { text: r.text, fromEmail: r.fromEmail ?? defaults.email, fromName: r.fromName ?? defaults.name, ...(attachment ? { attachment } : {}) };
}

/**
 * The local outbox (DEV_MODE=1 only; 404 otherwise): list, the message as the recipient sees it,
 * and "Reply as recipient", which posts a Postmark-format inbound payload to the real webhook
 * (through `dispatch`, the app itself) with the configured webhook credentials.
 */
export function devOutboxRoutes(dispatch: Dispatch) {
  const r = new Hono<AppBindings>();
  r.use('*', async (c, next) => {
    if (c.env.DEV_MODE !== '1') throw new AppError('NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`);
    await next();
  });

  r.get('/outbox', async (c) => {
    const entries = await listOutbox({ ctx: systemCtx(c.env), input: { ...readQuery(c, ZOutboxQuery), withBodies: false } });
    return c.html(outboxListPage(entries), 200, { 'content-security-policy': OUTBOX_PAGE_CSP, 'cache-control': 'no-store' });
  });

  r.get('/outbox.json', async (c) =>
    c.json({ messages: await listOutbox({ ctx: systemCtx(c.env), input: { ...readQuery(c, ZOutboxQuery), withBodies: true } }) }),
  );

  r.get('/outbox/:id', async (c) => {
    const m = await entry(c);
    const notice = c.req.query('replied') ? { text: `Reply posted to the inbound webhook (receipt ${c.req.query('replied')}).`, isError: false } : null;
    return c.html(outboxMessagePage(m, notice, true), 200, { 'content-security-policy': OUTBOX_PAGE_CSP, 'cache-control': 'no-store' });
  });

  r.get('/outbox/:id/body', async (c) => {
    const m = await entry(c);
    return c.html(m.html ?? '', 200, { 'content-security-policy': OUTBOX_BODY_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  });

  r.post('/outbox/:id/reply', async (c) => {
    const m = await entry(c);
    if (!m.replyAddress) throw new AppError('INVALID_STATE', 'This message has no thread reply address to answer');
    const reply = await readReply(c, { email: m.to[0]?.email ?? 'owner@example.com', name: m.to[0]?.name ?? '' });
    const { INBOUND_WEBHOOK_USER: user, INBOUND_WEBHOOK_PASSWORD: password } = c.env;
    if (!user || !password) {
      throw new AppError(
        'INVALID_STATE',
        'Set INBOUND_WEBHOOK_USER and INBOUND_WEBHOOK_PASSWORD (for example in .dev.vars): the inbound webhook refuses calls without credentials',
      );
    }
    const payload = buildReplyPayload(m, reply);
    const request = new Request(new URL('/webhooks/postmark/inbound', c.req.url), {
      method: 'POST',
      headers: { authorization: `Basic ${bytesToBase64(new TextEncoder().encode(`${user}:${password}`))}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const res = await dispatch(request, c.env, c.executionCtx as unknown as ExecutionContext);
    const webhook = (await res.json()) as { receiptId?: string };
    if (/json/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ webhookStatus: res.status, webhook, postmarkMessageId: payload.MessageID }, res.ok ? 200 : 502);
    }
    if (!res.ok) {
      const notice = { text: `The webhook answered ${res.status}: ${JSON.stringify(webhook)}`, isError: true };
      return c.html(outboxMessagePage(m, notice, true), 502, { 'content-security-policy': OUTBOX_PAGE_CSP });
    }
    return c.redirect(`/dev/outbox/${encodeURIComponent(m.id)}?replied=${encodeURIComponent(webhook.receiptId ?? '')}`, 303);
  });
  return r;
}
