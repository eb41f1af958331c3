import type { Env } from '../../env';
import { nowIso } from '../../lib/ids';
import { finishIfDone } from './claims';

/**
 * A chunk job failed on every queue attempt: its items still pending fail with the reason, and the
 * batch finishes (showing them failed) instead of waiting for Stop → Start. Items left claimed by
 * a dead attempt may have reached Postmark: they fail too, saying so, so nobody resends blindly.
 */
export async function giveUpChunk(env: Pick<Env, 'DB'>, job: { batchId: string; runNo: number; chunkNo: number }, reason: string): Promise<void> {
  await env.DB.prepare(
    `UPDATE send_batch_items
       SET status = 'failed', claim_id = NULL,
           reason = CASE status WHEN 'claimed' THEN 'Sending stopped mid-way; check the Postmark activity before resending. ' || ?4
                                ELSE 'Not sent: ' || ?4 END
     WHERE batch_id = ?1 AND run_no = ?2 AND chunk_no = ?3 AND status IN ('pending', 'claimed')`,
  )
    .bind(job.batchId, job.runNo, job.chunkNo, reason.slice(0, 2000))
    .run();
  await finishIfDone(env.DB, job.batchId, nowIso());
}
