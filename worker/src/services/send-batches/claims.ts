import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';

/**
 * A claim older than this belongs to an attempt that died. An attempt refreshes its claim before
 * each Postmark call, and a call times out after 30 s (the email module's client), so a live claim is never
 * this old. It also gives Postmark's message search time to list what a dead attempt sent.
 */
export const STALE_CLAIM_MS = 120_000;
/** Attempts per item before a retryable failure (429, 5xx) becomes final. */
export const MAX_SEND_ATTEMPTS = 5;

export type ClaimedItem = {
  id: string;
  position: number;
  invoiceId: string;
  subject: string;
  recipientEmail: string;
  recipientName: string;
  recipientUserId: string | null;
  threadId: string;
  emailMessageId: string;
  replyToken: string;
  attempts: number;
};

const RETURNING = `RETURNING id, position, invoice_id AS invoiceId, subject, recipient_email AS recipientEmail,
  recipient_name AS recipientName, recipient_user_id AS recipientUserId, thread_id AS threadId,
  email_message_id AS emailMessageId, reply_token AS replyToken, attempts`;

/**
 * Claims the pending items of one chunk in ONE statement, and only while the batch is sending in
 * this run: a stop or a newer start committed before it leaves everything pending. Two deliveries
 * of the same job cannot both claim an item.
 */
export async function claimChunk(d1: D1Database, a: { batchId: string; runNo: number; chunkNo: number; claimId: string; now: string }): Promise<ClaimedItem[]> {
  const { results } = await d1
    .prepare(
      `UPDATE send_batch_items SET status = 'claimed', claim_id = ?1, claimed_at = ?2, attempts = attempts + 1
       WHERE batch_id = ?3 AND run_no = ?4 AND chunk_no = ?5 AND status = 'pending'
         AND EXISTS (SELECT 1 FROM send_batches WHERE id = ?3 AND status = 'sending' AND run_no = ?4)
       ${RETURNING}`,
    )
    .bind(a.claimId, a.now, a.batchId, a.runNo, a.chunkNo)
    .all<ClaimedItem>();
  return results.sort((x, y) => x.position - y.position);
}

/** The holder is alive and about to call Postmark: its claim must not look stale to anyone. */
export const refreshClaim = (d1: D1Database, claimId: string, now: string) =>
  d1.prepare(`UPDATE send_batch_items SET claimed_at = ?2 WHERE claim_id = ?1 AND status = 'claimed'`).bind(claimId, now).run();

/**
 * Items of a claim still held that certainly did not go out return to pending (optionally into
 * another run/chunk: a job adopting what a dead attempt left).
 */
export function releaseStatement(d1: D1Database, claimId: string, reason: string | null, adopt?: { runNo: number; chunkNo: number }): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE send_batch_items SET status = 'pending', claim_id = NULL, claimed_at = NULL, reason = ?2,
         run_no = coalesce(?3, run_no), chunk_no = coalesce(?4, chunk_no)
       WHERE claim_id = ?1 AND status = 'claimed'`,
    )
    .bind(claimId, reason, adopt?.runNo ?? null, adopt?.chunkNo ?? null);
}

/** After a retryable failure of a call: its items out of attempts fail for good; everything else of the claim waits for the retry. */
export function giveUpOrReleaseStatements(d1: D1Database, claimId: string, what: string, callItemIds: string[]): D1PreparedStatement[] {
  return [
    d1
      .prepare(
        `UPDATE send_batch_items SET status = 'failed', reason = ?2
         WHERE claim_id = ?1 AND status = 'claimed' AND attempts >= ?3 AND id IN (SELECT value FROM json_each(?4))`,
      )
      .bind(claimId, `Gave up after ${MAX_SEND_ATTEMPTS} attempts. ${what}`, MAX_SEND_ATTEMPTS, JSON.stringify(callItemIds)),
    releaseStatement(d1, claimId, `Will retry: ${what}`),
  ];
}

/** Marks every item of the claim still held as failed with the same reason. */
export const failClaimStatement = (d1: D1Database, claimId: string, reason: string, ids?: string[]) =>
  d1
    .prepare(
      `UPDATE send_batch_items SET status = 'failed', reason = ?2
       WHERE claim_id = ?1 AND status = 'claimed' AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))`,
    )
    .bind(claimId, reason, ids ? JSON.stringify(ids) : null);

/** A batch is finished once nothing is pending or in flight (also when it was stopped during its last chunk). */
export const finishIfDone = (d1: D1Database, batchId: string, now: string) =>
  d1
    .prepare(
      `UPDATE send_batches SET status = 'finished', finished_at = ?2
       WHERE id = ?1 AND status IN ('sending', 'stopped')
         AND NOT EXISTS (SELECT 1 FROM send_batch_items WHERE batch_id = ?1 AND status IN ('pending', 'claimed'))`,
    )
    .bind(batchId, now)
    .run();
