// The "record a payment" form as data: the amount as typed in the pane's language (shared/money.ts
// reads "1.234,56" in Spanish, "1 234,56" in French, as the change-order form does), every field
// checked at once so the user fixes them all in one pass, and the server's per-field details
// (worker: shared/payments/payment-rules.ts, zod) put back on the field they name.
import { paymentMethods, type TRecordPaymentInput } from '@shared/api/payments';
import type { Locale } from '@shared/i18n/locales';
import { formatCents, parseMoneyInput } from '@shared/money';
import { MAX_NOTE_CHARS, MAX_PAYMENT_CENTS, MAX_REFERENCE_CHARS } from '@shared/payments/payment-rules';
import type { PaymentProblem } from './labels';

export type PaymentMethod = (typeof paymentMethods)[number];

export type PaymentForm = {
  receivedOn: string;
  amount: string;
  method: PaymentMethod;
  reference: string;
  note: string;
  /** the owner's reply the form was pre-filled from (confirmed as the payment's source) */
  sourceMessageId: string | null;
};
export type PaymentField = 'receivedOn' | 'amount' | 'method' | 'reference' | 'note';
/** a problem code the labels translate, or the server's own sentence for a code they do not know */
export type FieldErrors = Partial<Record<PaymentField, { code: PaymentProblem } | { message: string }>>;

/** Today in the user's time zone as YYYY-MM-DD (a payment arrives on a calendar day, not an instant). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const blankPayment = (today: string): PaymentForm => ({
  receivedOn: today,
  amount: '',
  method: 'check',
  reference: '',
  note: '',
  sourceMessageId: null,
});

// How a notice names the way it paid, in the product's languages ("wire sent", "transferencia
// realizada", "chèque posté"); the first method named wins.
const METHOD_WORDS: Array<[PaymentMethod, RegExp]> = [
  ['ach', /\bach\b/i],
  ['wire', /\b(wire[ds]?|transfer(red)?|transferencia|virement|swift)\b/i],
  ['check', /\b(checks?|cheques?|chèques?)\b/i],
  ['card', /\b(card|tarjeta|carte)\b/i],
];

/** The method a notice names, or null (the admin picks). */
export function methodFromText(text: string): PaymentMethod | null {
  let found: { method: PaymentMethod; at: number } | null = null;
  for (const [method, re] of METHOD_WORDS) {
    const at = text.search(re);
    if (at >= 0 && (!found || at < found.at)) found = { method, at };
  }
  return found?.method ?? null;
}

/** An owner's payment notice → the form, for the admin to check and confirm (never sent by itself). */
export function fromSuggestion(
  s: { messageId: string; amountCents: number | null; reference: string | null; receivedOn: string | null; excerpt: string },
  today: string,
  locale: Locale,
): PaymentForm {
  return {
    ...blankPayment(today),
    receivedOn: s.receivedOn && s.receivedOn <= today ? s.receivedOn : today,
    amount: s.amountCents === null ? '' : formatCents(s.amountCents, locale),
    method: methodFromText(s.excerpt) ?? 'check',
    reference: s.reference ?? '',
    sourceMessageId: s.messageId,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function toRequest(form: PaymentForm, locale: Locale, today: string): { ok: true; body: TRecordPaymentInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.receivedOn) errors.receivedOn = { code: 'REQUIRED' };
  else if (!ISO_DATE.test(form.receivedOn) || Number.isNaN(Date.parse(form.receivedOn))) errors.receivedOn = { code: 'BAD_DATE' };
  else if (form.receivedOn > today) errors.receivedOn = { code: 'IN_THE_FUTURE' };
  const amount = parseMoneyInput(form.amount, { locale });
  if (!amount.ok) errors.amount = { code: amount.code };
  else if (amount.cents <= 0) errors.amount = { code: 'NOT_POSITIVE' };
  else if (amount.cents > MAX_PAYMENT_CENTS) errors.amount = { code: 'OUT_OF_RANGE' };
  if (!(paymentMethods as readonly string[]).includes(form.method)) errors.method = { code: 'REQUIRED' };
  const reference = form.reference.trim();
  const note = form.note.trim();
  if (reference.length > MAX_REFERENCE_CHARS) errors.reference = { code: 'TOO_LONG' };
  if (note.length > MAX_NOTE_CHARS) errors.note = { code: 'TOO_LONG' };
  if (Object.keys(errors).length || !amount.ok) return { ok: false, errors };
  return {
    ok: true,
    body: {
      receivedOn: form.receivedOn,
      amountCents: amount.cents,
      method: form.method,
      reference,
      note,
      ...(form.sourceMessageId ? { sourceMessageId: form.sourceMessageId } : {}),
    },
  };
}

const KNOWN: ReadonlySet<string> = new Set<PaymentProblem>(['IN_THE_FUTURE', 'BEFORE_SUBMISSION']);
const FIELD_OF: Record<string, PaymentField> = { receivedOn: 'receivedOn', amountCents: 'amount', method: 'method', reference: 'reference', note: 'note' };

/** The server's details ("receivedOn" BEFORE_SUBMISSION, "amountCents" from zod …) on the form's fields; the rest stays a message. */
export function serverFieldErrors(details: ReadonlyArray<{ field?: string; code?: string; message?: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) {
    const field = FIELD_OF[d.field ?? ''];
    if (!field || out[field]) continue;
    out[field] = d.code && KNOWN.has(d.code) ? { code: d.code as PaymentProblem } : { message: d.message ?? d.code ?? '' };
  }
  return out;
}
