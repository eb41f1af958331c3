// Which waivers an invoice can have now, and for how much: the amounts always come from the
// invoice (its G702 line 8) or from a recorded payment, never from what a user types.
//   conditional progress   = line 8 (current payment due), through the billing period's end;
//   unconditional progress = a recorded, non-voided payment on this invoice;
//   conditional final      = line 8 of the final invoice;
//   unconditional final    = a recorded payment on the final invoice.
// The final invoice is one that bills the contract to 100% (line 4 ≥ line 3 > 0) or a
// retainage-release invoice (which bills nothing but the retainage still held, i.e. the last
// money of the contract). Rules and reasons: docs/get-paid.md "Lien waivers".
import { formatMoney } from '../money';
import { isUnconditional, WAIVER_TYPES, type WaiverForm, type WaiverType } from './types';

export type InvoiceFacts = {
  contractKind: 'prime' | 'commitment';
  invoiceKind: 'progress' | 'retainage_release';
  invoiceNumber: number;
  line3ContractSumToDateCents: number;
  line4TotalCompletedAndStoredCents: number;
  line8CurrentPaymentDueCents: number;
  periodEnd: string;
  /** the invoice's payments, voided ones included */
  payments: Array<{ id: string; amountCents: number; receivedOn: string; isVoided: boolean }>;
  /** issued waivers of this invoice that are not void */
  existing: Array<{ type: WaiverType; paymentId: string | null; status: 'draft' | 'signed' }>;
  /** the project's jurisdiction (ISO 3166-2), null when none is chosen */
  jurisdiction?: string | null;
};

/** Why a waiver cannot be generated now, as a code with its values: clients word it in their own language. */
export type Unavailable =
  | { code: 'FORM_NOT_CARRIED'; jurisdiction: string }
  | { code: 'SUBCONTRACTOR_WAIVERS' }
  | { code: 'RELEASE_IS_FINAL' }
  | { code: 'NOT_FINAL'; invoiceNumber: number }
  | { code: 'NOTHING_DUE'; line8Cents: number }
  | { code: 'NO_PAYMENT' }
  | { code: 'TAKEN'; status: 'draft' | 'signed'; per: 'payment' | 'invoice' };

export type Availability = {
  type: WaiverType;
  form: WaiverForm;
  amountCents: number;
  paymentId: string | null;
  /** the payment's date (unconditional types) */
  receivedOn: string | null;
  /** null: can be generated now */
  why: Unavailable | null;
  /** `why` in English, for API users and error messages */
  reason: string | null;
};

/** The statutory form a project's jurisdiction needs; generic elsewhere. */
export function formForJurisdiction(jurisdiction: string | null | undefined): WaiverForm {
  if (jurisdiction === 'US-CA') return 'us-ca';
  if (jurisdiction === 'US-TX') return 'us-tx';
  return 'generic';
}

/**
 * Jurisdictions that prescribe their own waiver forms, which this product does not carry yet: a
 * generic waiver would not be the form the law asks for, so none is generated there.
 */
const UNCARRIED_STATUTORY_FORMS: Record<string, string> = {
  // Fla. Stat. § 713.20(4)–(5) prints the progress and final forms; (6): no one may require a different form
  'US-FL': 'Florida prescribes its own waiver forms (Fla. Stat. § 713.20(4)–(5)), which are not available here yet',
};

const words: Record<WaiverType, string> = {
  conditional_progress: 'conditional progress',
  unconditional_progress: 'unconditional progress',
  conditional_final: 'conditional final',
  unconditional_final: 'unconditional final',
};

/** The English sentence of a reason (the pane words the code in the user's language instead). */
export function reasonInEnglish(type: WaiverType, why: Unavailable): string {
  switch (why.code) {
    case 'FORM_NOT_CARRIED':
      return UNCARRIED_STATUTORY_FORMS[why.jurisdiction] ?? `${why.jurisdiction} prescribes its own waiver forms, which are not available here yet`;
    case 'SUBCONTRACTOR_WAIVERS':
      return "A subcontractor invoice's waivers are the subcontractor's: record the one received (POST /invoices/{id}/lien-waivers/received)";
    case 'RELEASE_IS_FINAL':
      return 'A retainage-release invoice is the final payment: use the final waivers';
    case 'NOT_FINAL':
      return `Invoice #${why.invoiceNumber} does not bill the contract to 100% and is not a retainage release: it is not the final payment`;
    case 'NOTHING_DUE':
      return `Line 8 (current payment due) is ${formatMoney(why.line8Cents)}: there is no payment to waive`;
    case 'NO_PAYMENT':
      return 'No payment is recorded on this invoice: an unconditional waiver acknowledges a payment received';
    case 'TAKEN': {
      const article = type.startsWith('unconditional') ? 'An' : 'A';
      return `${article} ${words[type]} waiver already exists (${why.status}) for this ${why.per}: void it to generate another`;
    }
  }
}

export function isFinalInvoice(f: Pick<InvoiceFacts, 'invoiceKind' | 'line3ContractSumToDateCents' | 'line4TotalCompletedAndStoredCents'>): boolean {
  return f.invoiceKind === 'retainage_release' || (f.line3ContractSumToDateCents > 0 && f.line4TotalCompletedAndStoredCents >= f.line3ContractSumToDateCents);
}

function taken(f: InvoiceFacts, type: WaiverType, paymentId: string | null): Unavailable | null {
  const w = f.existing.find((e) => e.type === type && (e.paymentId ?? null) === paymentId);
  return w ? { code: 'TAKEN', status: w.status, per: paymentId ? 'payment' : 'invoice' } : null;
}

type Entry = Omit<Availability, 'reason'>;
const withReason = (e: Entry): Availability => ({ ...e, reason: e.why ? reasonInEnglish(e.type, e.why) : null });

/** Every type with its amount, or the reason it cannot be generated now. Unconditional types: one entry per live payment. */
export function availableWaivers(f: InvoiceFacts, form: WaiverForm): Availability[] {
  return entries(f, form).map(withReason);
}

function entries(f: InvoiceFacts, form: WaiverForm): Entry[] {
  const none = (why: Unavailable) => WAIVER_TYPES.map((type) => ({ type, form, amountCents: 0, paymentId: null, receivedOn: null, why }));
  if (f.jurisdiction && UNCARRIED_STATUTORY_FORMS[f.jurisdiction] && f.contractKind === 'prime')
    return none({ code: 'FORM_NOT_CARRIED', jurisdiction: f.jurisdiction });
  if (f.contractKind === 'commitment') return none({ code: 'SUBCONTRACTOR_WAIVERS' });
  const isFinal = isFinalInvoice(f);
  const live = f.payments.filter((p) => !p.isVoided);
  const line8 = f.line8CurrentPaymentDueCents;
  const out: Entry[] = [];
  for (const type of WAIVER_TYPES) {
    if (!isUnconditional(type)) {
      let why: Unavailable | null = null;
      if (type === 'conditional_progress' && f.invoiceKind === 'retainage_release') why = { code: 'RELEASE_IS_FINAL' };
      else if (type === 'conditional_final' && !isFinal) why = { code: 'NOT_FINAL', invoiceNumber: f.invoiceNumber };
      else if (line8 <= 0) why = { code: 'NOTHING_DUE', line8Cents: line8 };
      out.push({ type, form, amountCents: Math.max(0, line8), paymentId: null, receivedOn: null, why: why ?? taken(f, type, null) });
      continue;
    }
    if (type === 'unconditional_final' && !isFinal) {
      out.push({ type, form, amountCents: 0, paymentId: null, receivedOn: null, why: { code: 'NOT_FINAL', invoiceNumber: f.invoiceNumber } });
      continue;
    }
    if (!live.length) {
      out.push({ type, form, amountCents: 0, paymentId: null, receivedOn: null, why: { code: 'NO_PAYMENT' } });
      continue;
    }
    for (const p of live) out.push({ type, form, amountCents: p.amountCents, paymentId: p.id, receivedOn: p.receivedOn, why: taken(f, type, p.id) });
  }
  return out;
}
