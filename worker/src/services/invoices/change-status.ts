import type { TChangeStatus } from '@shared/api/invoices';
import type { ServiceCtx } from '../../context';
import { AppError } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';
import { canWriteInvoices } from './editability';
import { computeState, loadInvoiceState } from './invoice-state';
import { getInvoice } from './get-invoice';
import { writeVersioned } from './versioned-write';
import { toolNameOfKind } from '../access/levels';

type Status = TChangeStatus['status'] | 'draft';

// Allowed transitions. Owner invoices: draft → under_review → approved | revise_and_resubmit → under_review.
// Subcontractor invoices add pending_owner_approval and approved_as_noted.
const ownerFlow: Record<string, Status[]> = {
  draft: ['under_review'],
  under_review: ['approved', 'revise_and_resubmit'],
  revise_and_resubmit: ['under_review'],
};
const subFlow: Record<string, Status[]> = {
  draft: ['under_review'],
  under_review: ['pending_owner_approval', 'approved', 'approved_as_noted', 'revise_and_resubmit'],
  pending_owner_approval: ['approved', 'approved_as_noted', 'revise_and_resubmit'],
  revise_and_resubmit: ['under_review'],
};

export async function changeInvoiceStatus({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: TChangeStatus } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  const { invoice, access } = state;
  const to = input.body.status;
  const isSubmit = to === 'under_review';
  // Submitting: whoever may write the invoice. Reviewing: admin on the contract's tool.
  const allowed = isSubmit ? canWriteInvoices(state) : access.isToolAdmin;
  if (!allowed) {
    const tool = toolNameOfKind(access.contract.kind);
    throw new AppError('FORBIDDEN', `${isSubmit ? 'Submitting' : 'Reviewing'} this invoice needs admin on ${tool}`);
  }
  const flow = access.contract.kind === 'prime' ? ownerFlow : subFlow;
  const next = flow[invoice.status] ?? [];
  if (!next.includes(to)) {
    const options = next.length ? `; from here it can go to ${next.join(', ')}` : '';
    throw new AppError('INVALID_STATE', `Invoice #${invoice.number} is ${invoice.status} and cannot move to ${to}${options}`);
  }
  if (to === 'revise_and_resubmit' && invoice.id !== state.latestInvoice.id) {
    throw new AppError('INVALID_STATE', `Only the most recent invoice can be revised: Invoice #${state.latestInvoice.number} comes after this one`);
  }
  const patch: { status: Status; line6FrozenCents?: number; submittedOn?: string } = { status: to };
  if (isSubmit) {
    // Line 6 is frozen when the invoice leaves draft (and again on resubmission); the next invoice's line 7 reads it.
    const result = computeState(state);
    const blocking = result.errors;
    if (blocking.length) {
      throw new AppError('VALIDATION_FAILED', `Invoice #${invoice.number} has ${blocking.length} problem(s) to fix before it can be submitted`, blocking);
    }
    patch.line6FrozenCents = result.g702.line6TotalEarnedLessRetainageCents;
    // The payment clock (aging, prompt-payment deadlines) starts the first time the invoice is submitted;
    // a resubmission after revise-and-resubmit keeps the original date.
    if (!invoice.submittedOn) patch.submittedOn = nowIso().slice(0, 10);
  }
  await writeVersioned(ctx, invoice.id, invoice.version, `status:${to}`, [], { ...patch, updatedAt: nowIso() });
  return getInvoice({ ctx, input: { invoiceId: invoice.id } });
}
