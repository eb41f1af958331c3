import type { ServerClient } from 'postmark';
import { asPostmarkFailure } from '../../email/postmark-client';
import type { SystemCtx } from '../../email/system-ctx';
import { runBatch } from '../../lib/batch';
import { RetryLater } from '../emails/deliver-message';
import type { SendBatch } from './batch-access';
import type { Sender } from './batch-message';
import { releaseStatement, STALE_CLAIM_MS, type ClaimedItem } from './claims';
import { storedWaiverIds } from './invoice-content';
import { settleStatements, type Settled } from './settle-items';

const PAGE = 500;

type StaleItem = ClaimedItem & { claimId: string };

/** Every message Postmark accepted under one claim, by batch item id (found through our Metadata). */
async function acceptedUnder(client: ServerClient, claimId: string): Promise<Map<string, { messageId: string; receivedAt: string }>> {
  const found = new Map<string, { messageId: string; receivedAt: string }>();
  for (let offset = 0; ; offset += PAGE) {
    let page;
    try {
      page = await client.getOutboundMessages({ count: PAGE, offset, metadata_sendBatchClaim: claimId });
    } catch (err) {
      throw new RetryLater(`Could not ask Postmark what claim ${claimId} sent: ${asPostmarkFailure(err).message}`);
    }
    for (const m of page.Messages ?? []) {
      const itemId = m.Metadata?.sendBatchItem;
      const t = Date.parse(m.ReceivedAt);
      if (itemId) found.set(itemId, { messageId: m.MessageID, receivedAt: Number.isNaN(t) ? new Date().toISOString() : new Date(t).toISOString() });
    }
    if ((page.Messages?.length ?? 0) < PAGE) return found;
  }
}

/**
 * Items left `claimed` by an attempt that died (its claim is older than STALE_CLAIM_MS) are
 * settled before anything is resent. With Postmark: what Postmark lists under the claim's
 * Metadata was sent (recorded with its MessageID, never resent); the rest certainly was not and
 * goes back to pending, into `adopt` (the chunk of the job that found it). Locally (outbox) a
 * "send" is recorded in the same atomic batch that settles it, so a dead claim sent nothing.
 */
export async function reconcileStaleClaims(
  sys: SystemCtx,
  batch: SendBatch,
  client: ServerClient | null,
  sender: Sender & { userId: string },
  adopt: { runNo: number; chunkNo: number },
): Promise<number> {
  const before = new Date(Date.now() - STALE_CLAIM_MS).toISOString();
  const { results } = await sys.env.DB.prepare(
    `SELECT id, position, invoice_id AS invoiceId, subject, recipient_email AS recipientEmail, recipient_name AS recipientName,
            recipient_user_id AS recipientUserId, thread_id AS threadId, email_message_id AS emailMessageId,
            reply_token AS replyToken, attempts, claim_id AS claimId
     FROM send_batch_items WHERE batch_id = ?1 AND status = 'claimed' AND claimed_at < ?2`,
  )
    .bind(batch.id, before)
    .all<StaleItem>();
  const byClaim = new Map<string, StaleItem[]>();
  for (const it of results) byClaim.set(it.claimId, [...(byClaim.get(it.claimId) ?? []), it]);
  for (const [claimId, items] of byClaim) {
    const accepted = client ? await acceptedUnder(client, claimId) : new Map<string, { messageId: string; receivedAt: string }>();
    const settled: Settled[] = items.flatMap((item) => {
      const hit = accepted.get(item.id);
      return hit ? [{ item, outcome: { isSent: true as const, postmarkMessageId: hit.messageId, sentAt: hit.receivedAt } }] : [];
    });
    const why = client
      ? 'An attempt stopped before recording its result; Postmark has no message for it, so it is sent again'
      : 'An attempt stopped before recording its result; nothing had gone out';
    // the messages Postmark has carried the waivers stored with their invoice's content: record them as emailed
    const invoiceIds = [...new Set(settled.map((x) => x.item.invoiceId))];
    const waiverIds = new Map(await Promise.all(invoiceIds.map(async (id) => [id, await storedWaiverIds(sys.env, batch, id)] as const)));
    await runBatch(sys.env.DB, [
      ...settleStatements(sys.env.DB, sys.env, batch, sender, claimId, settled, waiverIds),
      releaseStatement(sys.env.DB, claimId, why, adopt),
    ]);
  }
  return results.length;
}
