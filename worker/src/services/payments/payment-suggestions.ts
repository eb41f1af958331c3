import type { TInvoicePayments } from '@shared/api/payments';
import { paymentReference } from '@shared/payments/reference';
import type { paymentNoticesQuery } from './payment-rows';

type NoticeRow = Awaited<ReturnType<typeof paymentNoticesQuery>>[number];

const EXCERPT_CHARS = 280;

/** The amount stored by worker/src/services/emails/reply-understanding.ts, or null when none was read (or the JSON is damaged). */
function amountOf(understanding: string | null): number | null {
  if (!understanding) return null;
  try {
    const cents = (JSON.parse(understanding) as { amount?: { cents?: unknown } | null }).amount?.cents;
    return typeof cents === 'number' && Number.isSafeInteger(cents) && cents > 0 ? cents : null;
  } catch {
    return null;
  }
}

/**
 * A payment notice as a pre-filled payment. The excerpt is the reply's own words (messageText,
 * plain text made by worker/src/services/emails/process-inbound.ts, never the raw HTML), on one line.
 * The received date is the reply's (its Date header), kept within what recording accepts
 * (shared/payments/payment-rules.ts): a sender's clock ahead of ours gives today, one behind the
 * submission gives the submission day.
 */
export function suggestionFrom(row: NoticeRow, bounds: { today: string; submittedOn: string | null }): TInvoicePayments['suggestions'][number] {
  const text = row.messageText.replace(/\s+/g, ' ').trim();
  const receivedAt = row.receivedAt ?? row.createdAt;
  const day = /^\d{4}-\d{2}-\d{2}/.test(receivedAt) ? receivedAt.slice(0, 10) : null;
  const receivedOn = day === null ? null : day > bounds.today ? bounds.today : bounds.submittedOn && day < bounds.submittedOn ? bounds.submittedOn : day;
  return {
    messageId: row.id,
    receivedAt,
    fromEmail: row.fromEmail,
    fromName: row.fromName,
    amountCents: amountOf(row.understanding),
    reference: paymentReference(row.messageText),
    receivedOn,
    excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text,
  };
}
