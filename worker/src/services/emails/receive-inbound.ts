import { inboundRawKey } from '../../email/r2-keys';
import type { SystemCtx } from '../../email/system-ctx';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';

/** Postmark accepts inbound mail up to 35 MB (JSON, attachments base64): a little headroom. */
export const MAX_INBOUND_BYTES = 40 * 1024 * 1024;

/**
 * The queue message for one stored payload. r2Key and receivedAt ride along so the consumer needs
 * no receipt row to start: it writes the receipt with its outcome. A job with the receipt id only
 * (queued before the receipt moved to the consumer) is read from its `received` row.
 */
export type InboundJob = { type: 'email.inbound'; receiptId: string; r2Key?: string; receivedAt?: string };

/**
 * The inbound webhook's whole job: keep the raw payload (one R2 put), queue its key, answer. The
 * receipt row, parsing, dedupe and threading happen in the queue (processInbound), so Postmark
 * gets its 200 after two calls and a failure while processing never loses the mail: the payload
 * is in R2 before the job exists, and redriveStuck finds payloads whose job was lost.
 */
// ctx: the bindings only — the webhook never touches D1, so it builds no drizzle handle per call.
export async function receiveInbound({ ctx, input }: { ctx: Pick<SystemCtx, 'env'>; input: { body: ArrayBuffer } }) {
  const size = input.body.byteLength;
  if (size === 0) throw new AppError('BAD_REQUEST', 'The inbound webhook body is empty');
  if (size > MAX_INBOUND_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The inbound payload is ${size} bytes; at most ${MAX_INBOUND_BYTES} are accepted`);
  }
  const id = newId('rcp');
  const receivedAt = nowIso();
  const r2Key = inboundRawKey(receivedAt, id);
  // stored before the job is queued: the job reads it
  await ctx.env.FILES.put(r2Key, input.body, { httpMetadata: { contentType: 'application/json' } });
  const job = { type: 'email.inbound', receiptId: id, r2Key, receivedAt } satisfies InboundJob;
  await ctx.env.JOBS.send(job);
  return job;
}
