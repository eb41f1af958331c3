// The webhooks routes, declared once: served by worker/src/routes/webhooks.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZDeliveryRecorded, ZInboundReceived } from '../emails';
import { defineRoute, errors, json, PUBLIC_ERRORS } from '../route-kit';

/** Basic auth with the webhook secrets, in the document as its own scheme. */
const basic = [{ postmarkWebhook: [] }];
/** Postmark posts its own JSON; the verbs parse it (an unknown shape is stored, never refused). */
const postmarkBody = { required: true, content: { 'application/json': { schema: { type: 'object' as const, description: "Postmark's webhook payload" } } } };

export const receiveInbound = defineRoute({
  method: 'post',
  path: '/postmark/inbound',
  summary: 'Postmark inbound webhook: a reply to an invoice email',
  security: basic,
  request: { body: postmarkBody },
  responses: { 200: json(ZInboundReceived, 'Stored; filed on its thread or as unmatched'), ...errors(PUBLIC_ERRORS, 401, 413) },
});

export const recordDeliveryEvent = defineRoute({
  method: 'post',
  path: '/postmark/events',
  summary: 'Postmark delivery, bounce and spam-complaint events',
  security: basic,
  request: { body: postmarkBody },
  responses: { 200: json(ZDeliveryRecorded, 'Recorded (or ignored as not ours)'), ...errors(PUBLIC_ERRORS, 401) },
});
