import { Hono, type Context } from 'hono';
import type { AppBindings } from '../context';
import { requireWebhookAuth } from '../email/webhook-auth';
import { systemCtx } from '../email/system-ctx';
import { AppError } from '../lib/app-error';
import { errorResponse } from '../lib/error-handler';
import { recordDeliveryEvent } from '../services/emails/record-delivery-event';
import { receiveInbound } from '../services/emails/receive-inbound';
import { maybeRedriveStuck } from '../services/emails/redrive-stuck';

// Postmark webhooks, mounted on the app itself (no bearer token): basic auth with the secrets
// INBOUND_WEBHOOK_USER / INBOUND_WEBHOOK_PASSWORD. Checked before the body is read: a refused
// call stores nothing.
export const webhookRoutes = new Hono<AppBindings>();

async function refused(c: Context<AppBindings>): Promise<Response | null> {
  try {
    await requireWebhookAuth(c.env, c.req.header('authorization'));
    return null;
  } catch (err) {
    const res = errorResponse(c, err);
    res.headers.set('WWW-Authenticate', 'Basic realm="postmark-webhooks"');
    return res;
  }
}

webhookRoutes.post('/postmark/inbound', async (c) => {
  const denied = await refused(c);
  if (denied) return denied;
  const { receiptId } = await receiveInbound({ ctx: systemCtx(c.env), input: { body: await c.req.arrayBuffer() } });
  c.executionCtx.waitUntil(maybeRedriveStuck(c.env));
  return c.json({ received: true, receiptId });
});

webhookRoutes.post('/postmark/events', async (c) => {
  const denied = await refused(c);
  if (denied) return denied;
  let payload: unknown;
  try {
    payload = await c.req.json();
  } catch {
    throw new AppError('BAD_REQUEST', 'The webhook body is not valid JSON');
  }
  return c.json(await recordDeliveryEvent({ ctx: systemCtx(c.env), input: { payload } }));
});
