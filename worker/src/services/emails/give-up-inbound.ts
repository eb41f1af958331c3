import { and, eq } from 'drizzle-orm';
import { inboundReceipts } from '../../db/schema';
import type { SystemCtx } from '../../email/system-ctx';
import { nowIso } from '../../lib/ids';

/**
 * Processing an inbound mail failed on every queue attempt: the receipt leaves `received` (which
 * the cron would re-queue forever, services/emails/redrive-stuck.ts) for `invalid` with the reason.
 * Its raw payload stays in R2, so it can still be read and processed again by hand.
 */
export async function giveUpInbound({ ctx, input }: { ctx: SystemCtx; input: { receiptId: string; reason: string } }): Promise<void> {
  await ctx.db
    .update(inboundReceipts)
    .set({ status: 'invalid', error: `Processing failed: ${input.reason}`.slice(0, 2000), processedAt: nowIso() })
    .where(and(eq(inboundReceipts.id, input.receiptId), eq(inboundReceipts.status, 'received')));
}
