import { and, eq, inArray } from 'drizzle-orm';
import { emailMessages } from '../../db/schema';
import type { SystemCtx } from '../../email/system-ctx';

/**
 * The delivery job of an outbound message (an invoice email, a reply) failed on every queue attempt:
 * the message shows as failed with why, instead of staying queued/retrying until someone notices.
 * A message already sent or failed is left alone. One caught mid-send may have reached Postmark:
 * the reason says so, so nobody resends it blindly.
 */
export async function giveUpDelivery({ ctx, input }: { ctx: SystemCtx; input: { messageId: string; reason: string } }): Promise<void> {
  const [msg] = await ctx.db.select({ status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.id, input.messageId)).limit(1);
  if (!msg) return;
  const reason =
    msg.status === 'sending'
      ? `Delivery stopped while sending; check the Postmark activity before resending. ${input.reason}`
      : `Not delivered: ${input.reason}`;
  await ctx.db
    .update(emailMessages)
    .set({ status: 'failed', failureReason: reason.slice(0, 2000) })
    .where(
      and(eq(emailMessages.id, input.messageId), eq(emailMessages.direction, 'outbound'), inArray(emailMessages.status, ['queued', 'retrying', 'sending'])),
    );
}
