import type { Context } from 'hono';
import type { AppBindings } from '../context';
import { requireWebhookAuth } from '../email/webhook-auth';
import { systemCtx } from '../email/system-ctx';
import { AppError } from '../lib/app-error';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/webhooks';
import { recordDeliveryEvent } from '../services/emails/record-delivery-event';
import { receiveInbound } from '../services/emails/receive-inbound';
import { maybeRedriveStuck } from '../services/emails/redrive-stuck';

// Postmark webhooks, mounted on the app itself (no bearer token): basic auth with the secrets
// INBOUND_WEBHOOK_USER / INBOUND_WEBHOOK_PASSWORD. Checked before the body is read: a refused
// call stores nothing.

/** Throws the 401 envelope (with its WWW-Authenticate challenge) unless the basic auth is right. */
async function requireBasicAuth(c: Context<AppBindings>): Promise<void> {
  try {
    await requireWebhookAuth(c.env, c.req.header('authorization'));
  } catch (err) {
    // set on the context, so the error handler's response carries it
    c.header('WWW-Authenticate', 'Basic realm="postmark-webhooks"');
    throw err;
  }
}

export const webhookRoutes = routes()
  .openapi(def.receiveInbound, async (c) => {
    await requireBasicAuth(c);
    const { receiptId } = await receiveInbound({ ctx: { env: c.env }, input: { body: await c.req.arrayBuffer() } });
    c.executionCtx.waitUntil(maybeRedriveStuck(c.env));
    return c.json({ received: true as const, receiptId }, 200);
  })
  .openapi(def.recordDeliveryEvent, async (c) => {
    await requireBasicAuth(c);
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      throw new AppError('BAD_REQUEST', 'The webhook body is not valid JSON');
    }
    return c.json(await recordDeliveryEvent({ ctx: systemCtx(c.env), input: { payload } }), 200);
  });
