import { emailEvents } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import { ZPostmarkEvent } from '../../email/postmark-payloads';
import type { SystemCtx } from '../../email/system-ctx';
import { AppError } from '../../lib/app-error';
import { zodDetails } from '../../lib/validate';

const isoOr = (text: string, fallback: string) => {
  const t = Date.parse(text);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
};

/**
 * Postmark's delivery / bounce / spam-complaint webhooks. Events are kept by Postmark MessageID
 * (a message's shown status is derived from them, so an event that arrives before the send call's
 * answer is recorded is not lost) under a key that makes a redelivered event a no-op. Other record
 * types (opens, clicks) are acknowledged and ignored.
 */
export async function recordDeliveryEvent({ ctx, input }: { ctx: SystemCtx; input: { payload: unknown } }) {
  const type = (input.payload as { RecordType?: unknown } | null)?.RecordType;
  if (type !== 'Delivery' && type !== 'Bounce' && type !== 'SpamComplaint') return { recorded: false, recordType: String(type ?? '') };
  const parsed = ZPostmarkEvent.safeParse(input.payload);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `Not a Postmark ${type} webhook`, zodDetails(parsed.error));
  const e = parsed.data;
  const now = new Date().toISOString();
  const row =
    e.RecordType === 'Delivery'
      ? {
          id: `delivery:${e.MessageID}:${normalizeEmail(e.Recipient)}`,
          providerMessageId: e.MessageID,
          kind: 'delivered' as const,
          recipient: normalizeEmail(e.Recipient),
          occurredAt: isoOr(e.DeliveredAt, now),
          details: e.Details,
        }
      : e.RecordType === 'Bounce'
        ? {
            id: `bounce:${e.ID}`,
            providerMessageId: e.MessageID,
            kind: 'bounced' as const,
            recipient: normalizeEmail(e.Email),
            occurredAt: isoOr(e.BouncedAt, now),
            details: [e.Name || e.Type, e.Description, e.Details].filter(Boolean).join(': '),
          }
        : {
            id: `spam:${e.ID}`,
            providerMessageId: e.MessageID,
            kind: 'spam_complaint' as const,
            recipient: normalizeEmail(e.Email),
            occurredAt: isoOr(e.BouncedAt, now),
            details: e.Details || 'The recipient marked the message as spam',
          };
  await ctx.db.insert(emailEvents).values(row).onConflictDoNothing();
  return { recorded: true, recordType: e.RecordType };
}
