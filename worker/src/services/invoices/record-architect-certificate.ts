import { and, eq } from 'drizzle-orm';
import type { TRecordArchitectCertificate } from '@shared/api/invoices';
import type { ServiceCtx } from '../../context';
import { emailMessages, emailThreads } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';
import { getInvoice } from './get-invoice';
import { loadInvoiceState } from './invoice-state';
import { writeVersioned } from './versioned-write';

/**
 * Records (or clears, with null) the G702 architect's certificate: the amount certified for this
 * invoice, typically read from the owner's reply ("we can certify $412,000"). Admins of the
 * contract's tool only; an invoice the user may not see is a 404 (loadInvoiceState). The message,
 * when named, must be a reply received on a thread of this invoice.
 */
export async function recordArchitectCertificate({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: TRecordArchitectCertificate } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  const { invoice, access } = state;
  if (!access.isToolAdmin) {
    const tool = access.contract.kind === 'prime' ? 'Prime Contracts' : 'Commitments';
    throw new AppError('FORBIDDEN', `Recording the architect's certificate needs admin on ${tool}`);
  }
  const { amountCents, messageId } = input.body;
  if (messageId) {
    const [m] = await ctx.db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .innerJoin(emailThreads, eq(emailThreads.id, emailMessages.threadId))
      .where(and(eq(emailMessages.id, messageId), eq(emailMessages.direction, 'inbound'), eq(emailThreads.invoiceId, invoice.id)))
      .limit(1);
    if (!m) {
      throw new AppError('VALIDATION_FAILED', 'No such reply on this invoice', [
        { field: 'messageId', code: 'UNKNOWN_MESSAGE', message: `No reply ${messageId} was received on a thread of invoice #${invoice.number}` },
      ]);
    }
  }
  const isClearing = amountCents === null;
  await writeVersioned(ctx, invoice.id, invoice.version, 'architect_certificate', [], {
    architectCertifiedCents: amountCents,
    architectCertifiedAt: isClearing ? null : nowIso(),
    architectCertifiedBy: isClearing ? null : ctx.user.id,
    architectCertifiedMessageId: isClearing ? null : (messageId ?? null),
  });
  return getInvoice({ ctx, input: { invoiceId: invoice.id } });
}
