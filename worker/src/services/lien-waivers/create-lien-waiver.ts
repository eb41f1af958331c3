import type { TCreateLienWaiver } from '@shared/api/lien-waivers';
import { toLocale } from '@shared/i18n/locales';
import { isUnconditional } from '@shared/waivers/types';
import type { ServiceCtx } from '../../context';
import { lienWaiverEvents, lienWaivers } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { requireToolAdmin } from '../access/contract-access';
import { availabilityOf, loadWaiverFacts, partiesOf, priorUnpaidWaivers } from './waiver-facts';
import { waiverView } from './waiver-view';

const STATE_NAMES = { 'us-ca': 'California (Civil Code §§ 8132–8138)', 'us-tx': 'Texas (Property Code § 53.284)' } as const;

const invalid = (field: string, code: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, code, message }]);

/**
 * Drafts a waiver we give the owner with an owner invoice. The amount is never the user's: line 8
 * of the invoice (conditional) or the recorded payment (unconditional), as listed by `available`
 * (shared/waivers/availability.ts). Needs admin on the contract's tool.
 */
export async function createLienWaiver({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: TCreateLienWaiver } }) {
  const w = await loadWaiverFacts(ctx, input.invoiceId);
  const { invoice, period, access } = w.state;
  requireToolAdmin(access, 'Generating a lien waiver');
  const { body } = input;
  const form = body.form ?? w.form;
  if (w.form !== 'generic' && form !== w.form) {
    throw invalid(
      'form',
      'STATUTORY_FORM_REQUIRED',
      `The project is in ${STATE_NAMES[w.form]}: a waiver not on the statutory form is unenforceable there; use form "${w.form}"`,
    );
  }
  if (form === 'us-tx' && body.exceptions) {
    throw invalid('exceptions', 'NOT_ON_FORM', 'The Texas statutory forms have no exceptions blank: they already except unpaid retention and pending changes');
  }
  const unconditional = isUnconditional(body.type);
  if (unconditional && !body.paymentId) {
    throw invalid('paymentId', 'REQUIRED', 'An unconditional waiver acknowledges a payment received: give the recorded payment (paymentId)');
  }
  if (!unconditional && body.paymentId) {
    throw invalid('paymentId', 'NOT_ALLOWED', 'A conditional waiver is for line 8 of the invoice, not a recorded payment: leave paymentId out');
  }
  if (body.paymentId) {
    // another invoice's payment, or another company's, is simply not one of this invoice's
    const payment = w.payments.find((p) => p.id === body.paymentId);
    if (!payment) throw invalid('paymentId', 'UNKNOWN_PAYMENT', `Invoice #${invoice.number} has no payment ${body.paymentId}`);
    if (payment.voidedAt) {
      throw new AppError('INVALID_STATE', `The payment of ${payment.receivedOn} was voided (${payment.voidReason ?? 'no reason given'}): it cannot be waived`);
    }
  }
  const throughDate = body.throughDate ?? period.endDate;
  if (throughDate < period.startDate || throughDate > period.endDate) {
    throw invalid('throughDate', 'OUTSIDE_PERIOD', `The through date must fall in the invoice's billing period, ${period.startDate} to ${period.endDate}`);
  }
  const choice = availabilityOf(w, form).find((a) => a.type === body.type && a.paymentId === (body.paymentId ?? null));
  if (!choice || choice.reason)
    throw new AppError('INVALID_STATE', choice?.reason ?? `A ${body.type} waiver cannot be generated for invoice #${invoice.number}`);

  const parties = partiesOf(w, {
    exceptions: body.exceptions ?? '',
    disputedClaimsCents: body.disputedClaimsCents ?? null,
    locale: body.locale ?? toLocale(ctx.user.locale) ?? 'en',
  });
  if (form === 'us-ca' && body.type === 'conditional_progress') parties.priorUnpaid = await priorUnpaidWaivers(ctx, w.state);
  const id = newId('lw');
  await runBatch(ctx.env.DB, [
    ctx.db.insert(lienWaivers).values({
      id,
      invoiceId: invoice.id,
      contractId: invoice.contractId,
      direction: 'issued',
      type: body.type,
      form,
      amountCents: choice.amountCents,
      throughDate,
      paymentId: body.paymentId ?? null,
      partiesJson: JSON.stringify(parties),
      status: 'draft',
      createdBy: ctx.user.id,
    }),
    ctx.db.insert(lienWaiverEvents).values({
      waiverId: id,
      action: 'created',
      userId: ctx.user.id,
      detailJson: JSON.stringify({ type: body.type, form, amountCents: choice.amountCents, throughDate, paymentId: body.paymentId ?? null }),
    }),
  ]);
  return waiverView(ctx, id);
}
