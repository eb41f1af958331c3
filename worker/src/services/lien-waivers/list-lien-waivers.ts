import type { ServiceCtx } from '../../context';
import { seesOnlySubmitted } from '../access/contract-access';
import { availabilityOf, loadWaiverFacts, type PaymentRow, type WaiverRow } from './waiver-facts';
import { waiverViews } from './waiver-view';

/**
 * A subcontractor invoice that was paid (live payments) for more than its received unconditional
 * waivers cover: what the general contractor paid without the sub's release of lien rights for it.
 */
export function shortfall(
  paymentRows: Pick<PaymentRow, 'amountCents' | 'voidedAt'>[],
  waiverRows: Pick<WaiverRow, 'direction' | 'type' | 'status' | 'amountCents'>[],
) {
  const paidCents = paymentRows.filter((p) => p.voidedAt === null).reduce((s, p) => s + p.amountCents, 0);
  const waivedCents = waiverRows
    .filter((w) => w.direction === 'received' && w.status !== 'void' && (w.type === 'unconditional_progress' || w.type === 'unconditional_final'))
    .reduce((s, w) => s + w.amountCents, 0);
  const missingCents = paidCents - waivedCents;
  return paidCents > 0 && missingCents > 0 ? { paidCents, waivedCents, missingCents } : null;
}

/** GET /invoices/{id}/lien-waivers: for whoever may see the invoice (404 otherwise). */
export async function listLienWaivers({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const w = await loadWaiverFacts(ctx, input.invoiceId);
  const rows = seesOnlySubmitted(w.state.access) ? w.waivers.filter((r) => r.status !== 'draft') : w.waivers;
  return {
    invoiceId: w.state.invoice.id,
    form: w.form,
    waivers: await waiverViews(ctx, rows),
    available: availabilityOf(w, w.form),
    warning: w.facts.contractKind === 'commitment' ? shortfall(w.payments, w.waivers) : null,
  };
}
