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

export type Availability = {
  type: WaiverType;
  form: WaiverForm;
  amountCents: number;
  paymentId: string | null;
  /** the payment's date (unconditional types) */
  receivedOn: string | null;
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

export function isFinalInvoice(f: Pick<InvoiceFacts, 'invoiceKind' | 'line3ContractSumToDateCents' | 'line4TotalCompletedAndStoredCents'>): boolean {
  return f.invoiceKind === 'retainage_release' || (f.line3ContractSumToDateCents > 0 && f.line4TotalCompletedAndStoredCents >= f.line3ContractSumToDateCents);
}

const words: Record<WaiverType, string> = {
  conditional_progress: 'conditional progress',
  unconditional_progress: 'unconditional progress',
  conditional_final: 'conditional final',
  unconditional_final: 'unconditional final',
};

function taken(f: InvoiceFacts, type: WaiverType, paymentId: string | null): string | null {
  const w = f.existing.find((e) => e.type === type && (e.paymentId ?? null) === paymentId);
  const article = type.startsWith('unconditional') ? 'An' : 'A';
  return w ? `${article} ${words[type]} waiver already exists (${w.status}) for this ${paymentId ? 'payment' : 'invoice'}: void it to generate another` : null;
}

/** Every type with its amount, or the reason it cannot be generated now. Unconditional types: one entry per live payment. */
export function availableWaivers(f: InvoiceFacts, form: WaiverForm): Availability[] {
  const uncarried = f.jurisdiction ? UNCARRIED_STATUTORY_FORMS[f.jurisdiction] : undefined;
  if (uncarried && f.contractKind === 'prime') {
    return WAIVER_TYPES.map((type) => ({ type, form, amountCents: 0, paymentId: null, receivedOn: null, reason: uncarried }));
  }
  if (f.contractKind === 'commitment') {
    const reason = "A subcontractor invoice's waivers are the subcontractor's: record the one received (POST /invoices/{id}/lien-waivers/received)";
    return WAIVER_TYPES.map((type) => ({ type, form, amountCents: 0, paymentId: null, receivedOn: null, reason }));
  }
  const isFinal = isFinalInvoice(f);
  const live = f.payments.filter((p) => !p.isVoided);
  const line8 = f.line8CurrentPaymentDueCents;
  const out: Availability[] = [];
  for (const type of WAIVER_TYPES) {
    if (!isUnconditional(type)) {
      let reason: string | null = null;
      if (type === 'conditional_progress' && f.invoiceKind === 'retainage_release') {
        reason = 'A retainage-release invoice is the final payment: use the final waivers';
      } else if (type === 'conditional_final' && !isFinal) {
        reason = `Invoice #${f.invoiceNumber} does not bill the contract to 100% and is not a retainage release: it is not the final payment`;
      } else if (line8 <= 0) {
        reason = `Line 8 (current payment due) is ${formatMoney(line8)}: there is no payment to waive`;
      }
      out.push({ type, form, amountCents: Math.max(0, line8), paymentId: null, receivedOn: null, reason: reason ?? taken(f, type, null) });
      continue;
    }
    if (type === 'unconditional_final' && !isFinal) {
      const reason = `Invoice #${f.invoiceNumber} does not bill the contract to 100% and is not a retainage release: it is not the final payment`;
      out.push({ type, form, amountCents: 0, paymentId: null, receivedOn: null, reason });
      continue;
    }
    if (!live.length) {
      const reason = 'No payment is recorded on this invoice: an unconditional waiver acknowledges a payment received';
      out.push({ type, form, amountCents: 0, paymentId: null, receivedOn: null, reason });
      continue;
    }
    for (const p of live) out.push({ type, form, amountCents: p.amountCents, paymentId: p.id, receivedOn: p.receivedOn, reason: taken(f, type, p.id) });
  }
  return out;
}
