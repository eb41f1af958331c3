import { eq } from 'drizzle-orm';
import { sendBatches } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import { systemCtx } from '../../email/system-ctx';
import type { Env } from '../../env';
import { newId, nowIso } from '../../lib/ids';
import { serviceCtxFor } from '../../lib/service-ctx';
import { batchPostmarkClient } from './batch-postmark';
import { claimChunk, finishIfDone, STALE_CLAIM_MS } from './claims';
import { reconcileStaleClaims } from './reconcile-claims';
import { sendClaimed } from './send-claimed';

export type ChunkJob = { type: 'send-batch.chunk'; batchId: string; runNo: number; chunkNo: number };

/**
 * One chunk of a started batch (≤ 500 items, assigned at start). Idempotent under at-least-once
 * delivery: a job of an earlier run, or of a batch no longer sending, claims nothing; items are
 * claimed atomically, so a redelivered or concurrent copy finds nothing pending; while another
 * attempt holds a live claim on this chunk the job looks again later instead of guessing; claims
 * left by a dead attempt are reconciled with Postmark before anything is resent.
 */
export async function sendChunk(env: Env, job: ChunkJob): Promise<void> {
  const sys = systemCtx(env);
  const [batch] = await sys.db.select().from(sendBatches).where(eq(sendBatches.id, job.batchId)).limit(1);
  if (!batch || batch.runNo !== job.runNo) return;
  if (batch.status !== 'sending') {
    await finishIfDone(env.DB, batch.id, nowIso());
    return;
  }
  const live = await env.DB.prepare(
    `SELECT max(claimed_at) AS newest FROM send_batch_items
     WHERE batch_id = ?1 AND run_no = ?2 AND chunk_no = ?3 AND status = 'claimed' AND claimed_at >= ?4`,
  )
    .bind(batch.id, job.runNo, job.chunkNo, new Date(Date.now() - STALE_CLAIM_MS).toISOString())
    .first<{ newest: string | null }>();
  if (live?.newest) {
    // another attempt is sending this chunk (or just died): look again once its claim is stale
    const delaySeconds = Math.ceil((Date.parse(live.newest) + STALE_CLAIM_MS - Date.now()) / 1000) + 1;
    await env.JOBS.send(job, { delaySeconds: Math.max(1, delaySeconds) });
    return;
  }
  const ctx = await serviceCtxFor(env, batch.createdBy);
  const sender = { name: ctx.user.name, email: normalizeEmail(ctx.user.email), userId: ctx.user.id };
  const client = batchPostmarkClient(env);
  await reconcileStaleClaims(sys, batch, client, sender, { runNo: job.runNo, chunkNo: job.chunkNo });
  const claimId = newId('clm');
  const items = await claimChunk(env.DB, { batchId: batch.id, runNo: job.runNo, chunkNo: job.chunkNo, claimId, now: nowIso() });
  if (items.length) await sendClaimed({ ctx, batch, sender, claimId, client }, items);
  await finishIfDone(env.DB, batch.id, nowIso());
}
