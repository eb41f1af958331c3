import type { TInvoicePayments } from '@shared/api/payments';
import { dueOn } from '@shared/payments/clock';
import { amountDueCents, paidCents, paymentFlags, paymentSummary, ledgerOrder } from '@shared/payments/ledger';
import { isPayable } from '@shared/payments/payment-rules';
import type { ServiceCtx } from '../../context';
import { nowIso } from '../../lib/ids';
import type { ContractAccess } from '../access/contract-access';
import { toolNameOfKind } from '../access/levels';
import type { Invoice } from '../invoices/invoice-state';
import { paymentNoticesQuery, paymentsQuery, previousLine6Query } from './payment-rows';
import { suggestionFrom } from './payment-suggestions';

export const todayUtc = () => nowIso().slice(0, 10);

/**
 * The latest calendar day it is anywhere (UTC+14, Kiribati): a payment dated "today" by a user east
 * of UTC is not in the future, though UTC's date is still yesterday. Only the future check uses it.
 */
export const latestTodayOnEarth = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

/** Why this user may not record a payment on this invoice now, or null when they may. */
export function cannotRecordReason(invoice: Invoice, access: ContractAccess): string | null {
  if (!access.isToolAdmin) return `Recording payments needs admin on ${toolNameOfKind(access.contract.kind)}`;
  if (!isPayable(invoice.status)) return `Invoice #${invoice.number} is ${invoice.status}: payments are recorded on approved invoices only`;
  return null;
}

/**
 * The invoice's payments view, for an invoice the caller may already see (loadInvoiceRow checked
 * it): one db.batch of three statements, whatever the number of payments or replies.
 */
export async function invoicePayments(ctx: ServiceCtx, invoice: Invoice, access: ContractAccess): Promise<TInvoicePayments> {
  const [rows, notices, previous] = await ctx.db.batch([
    paymentsQuery(ctx, invoice.id),
    paymentNoticesQuery(ctx, invoice.id),
    previousLine6Query(ctx, invoice),
  ]);
  const ledger = rows.map((r) => ({
    id: r.payment.id,
    receivedOn: r.payment.receivedOn,
    createdAt: r.payment.createdAt,
    amountCents: r.payment.amountCents,
    isVoided: r.payment.voidedAt !== null,
  }));
  const today = todayUtc();
  const due = amountDueCents(invoice.line6FrozenCents, previous[0]?.line6FrozenCents ?? null);
  const flags = paymentFlags(due ?? 0, ledger);
  const summary = paymentSummary({
    amountDueCents: due,
    paidCents: paidCents(ledger),
    dueOn: dueOn(invoice.submittedOn, access.contract.paymentTermsDays),
    asOf: today,
  });
  const byId = new Map(rows.map((r) => [r.payment.id, r]));
  const reason = cannotRecordReason(invoice, access);
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    invoiceStatus: invoice.status,
    amountDueCents: due ?? 0,
    ...summary,
    paymentTermsDays: access.contract.paymentTermsDays,
    canRecord: reason === null,
    cannotRecordReason: reason,
    payments: ledgerOrder(ledger).map(({ id }) => {
      const { payment: p, recordedByName, voidedByName } = byId.get(id)!;
      return {
        id: p.id,
        receivedOn: p.receivedOn,
        amountCents: p.amountCents,
        method: p.method,
        reference: p.reference,
        note: p.note,
        sourceMessageId: p.sourceMessageId,
        recordedBy: { id: p.recordedBy, name: recordedByName },
        recordedAt: p.createdAt,
        voided: p.voidedAt ? { at: p.voidedAt, by: { id: p.voidedBy ?? '', name: voidedByName ?? '' }, reason: p.voidReason ?? '' } : null,
        flag: flags.get(p.id)!,
      };
    }),
    // pre-filled payments are for the people who may confirm them (tool admins also see private threads)
    suggestions: access.isToolAdmin ? notices.map((n) => suggestionFrom(n, { today, submittedOn: invoice.submittedOn })) : [],
  };
}
