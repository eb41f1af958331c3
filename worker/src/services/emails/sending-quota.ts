import type { ServiceCtx } from '../../context';
import { AppError } from '../../lib/app-error';

/** Recipients a company may mail in any 24 hours (single sends and bulk batches together), unless MAIL_DAILY_RECIPIENTS_PER_COMPANY says otherwise. */
export const DEFAULT_DAILY_RECIPIENTS = 2000;
const WINDOW_MS = 24 * 3600_000;

export const dailyRecipientLimit = (env: ServiceCtx['env']) => {
  const n = Number(env.MAIL_DAILY_RECIPIENTS_PER_COMPANY);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_DAILY_RECIPIENTS;
};

/**
 * Per-company sending limit (docs/security-rules.md "Sending limits"): any account can create a
 * project and mail any address from the product's domain, so each company gets a rolling 24-hour
 * budget of recipients. Counted: the To and CC of invoice mail its users sent (one by one) and the
 * messages of its projects' batches sent or still to send. Refused whole with 429 before anything
 * is queued; the answer says how many are left.
 */
export async function requireSendingQuota(ctx: ServiceCtx, adding: number): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const row = await ctx.env.DB.prepare(
    `SELECT
       (SELECT coalesce(sum(json_array_length(m.to_json) + json_array_length(m.cc_json)), 0)
          FROM email_messages m JOIN users u ON u.id = m.sent_by
         WHERE m.direction = 'outbound' AND m.kind = 'invoice' AND u.company_id = ?1 AND m.created_at > ?2) +
       (SELECT count(*) FROM send_batch_items i JOIN send_batches b ON b.id = i.batch_id JOIN projects p ON p.id = b.project_id
         WHERE p.company_id = ?1 AND ((i.status = 'sent' AND i.sent_at > ?2) OR (i.status = 'pending' AND b.status = 'sending'))) AS used`,
  )
    .bind(ctx.user.companyId, since)
    .first<{ used: number }>();
  const limit = dailyRecipientLimit(ctx.env);
  const used = row?.used ?? 0;
  if (used + adding > limit) {
    throw new AppError(
      'RATE_LIMITED',
      `Your company may mail ${limit} recipients in 24 hours; ${Math.max(0, limit - used)} are left and this needs ${adding}`,
      [],
      { retryAfterSeconds: 3600 },
    );
  }
}
