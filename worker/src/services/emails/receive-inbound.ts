import { inboundReceipts } from '../../db/schema';
import { inboundRawKey } from '../../email/r2-keys';
import type { SystemCtx } from '../../email/system-ctx';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';

/** Postmark accepts inbound mail up to 35 MB (JSON, attachments base64): a little headroom. */
export const MAX_INBOUND_BYTES = 40 * 1024 * 1024;

export type InboundJob = { type: 'email.inbound'; receiptId: string };

/**
 * The inbound webhook's whole job: keep the raw payload (R2) and a receipt (D1), queue the
 * processing, answer. Parsing, dedupe and threading happen in the queue (processInbound), so
 * Postmark gets its 200 fast and a failure while processing never loses the mail.
 */
export async function receiveInbound({ ctx, input }: { ctx: SystemCtx; input: { body: ArrayBuffer } }) {
  const size = input.body.byteLength;
  if (size === 0) throw new AppError('BAD_REQUEST', 'The inbound webhook body is empty');
  if (size > MAX_INBOUND_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The inbound payload is ${size} bytes; at most ${MAX_INBOUND_BYTES} are accepted`);
  }
  const id = newId('rcp');
  const receivedAt = nowIso();
  const r2Key = inboundRawKey(receivedAt, id);
  // both must hold before the job is queued (the job reads them); neither depends on the other
  await Promise.all([
    ctx.env.FILES.put(r2Key, input.body, { httpMetadata: { contentType: 'application/json' } }),
    ctx.db.insert(inboundReceipts).values({ id, r2Key, sizeBytes: size, receivedAt }),
  ]);
  await ctx.env.JOBS.send({ type: 'email.inbound', receiptId: id } satisfies InboundJob);
  return { receiptId: id };
}
