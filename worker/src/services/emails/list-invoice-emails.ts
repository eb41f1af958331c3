import { desc, eq } from 'drizzle-orm';
import type { TInvoiceEmails } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { emailThreads } from '../../db/schema';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { closeEditedLineRefs } from './close-edited-line-refs';
import { canSeeThread, loadParticipants, threadViews } from './thread-views';

/**
 * The invoice's Emails tab: threads newest first, messages oldest first. 404 when the user cannot
 * see the invoice; private threads the user may not see are left out (their existence too).
 * `since`: only messages created at or after it, for a cheap refresh (see ZInvoiceEmailsQuery).
 */
export async function listInvoiceEmails({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; since?: string } }): Promise<TInvoiceEmails> {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  const threads = await ctx.db
    .select()
    .from(emailThreads)
    .where(eq(emailThreads.invoiceId, invoice.id))
    .orderBy(desc(emailThreads.createdAt), desc(emailThreads.id));
  const participants = await loadParticipants(
    ctx.db,
    threads.map((t) => t.id),
  );
  const visible = threads.filter((t) =>
    canSeeThread(
      t,
      participants.filter((p) => p.threadId === t.id),
      ctx.user,
      access.isToolAdmin,
    ),
  );
  // ISO timestamps compare as text; `since` is normalised to the stored form (…T…:…:….mmmZ)
  const since = input.since ? new Date(input.since).toISOString() : undefined;
  const views = await closeEditedLineRefs(ctx.db, invoice.id, await threadViews(ctx.db, ctx.env.INBOUND_DOMAIN, visible, participants, since));
  const shown = since ? views.filter((t) => t.messages.length) : views;
  const newest = shown
    .flatMap((t) => t.messages.map((m) => m.createdAt))
    .sort()
    .at(-1);
  return { invoiceId: invoice.id, threads: shown, cursor: newest ?? since ?? null };
}
