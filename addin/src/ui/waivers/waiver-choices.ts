// What the Waivers tab offers and checks before it calls the server: which waiver can be made now
// (from the server's `available` list, GET /invoices/{id}/lien-waivers), the signature and the
// received-waiver inputs. Pure, so the rules are
// tested without a browser (waiver-choices.test.ts); the server checks everything again.
import type { z } from 'zod';
import type { ZWaiverAvailability } from '@shared/api/lien-waivers';
import { parseMoneyInput } from '@shared/money';
import { isUnconditional, WAIVER_TYPES, type WaiverForm, type WaiverType } from '@shared/waivers/types';

/** One entry of the server's `available` list: why null = it can be generated now, for amountCents. */
export type AvailableWaiver = z.infer<typeof ZWaiverAvailability>;

/** The entries of one type, those for the chosen form first-class (the amount does not depend on the form). */
function entriesOf(available: AvailableWaiver[], type: WaiverType, form: WaiverForm): AvailableWaiver[] {
  const ofType = available.filter((a) => a.type === type);
  const ofForm = ofType.filter((a) => a.form === form);
  return ofForm.length ? ofForm : ofType;
}

/** one thing a waiver of a type can be for: the invoice (conditional) or one payment (unconditional), with its date */
export type WaiverOption = { paymentId: string | null; amountCents: number; receivedOn: string | null };

export type TypeChoice =
  /** can be generated now; for an unconditional type, one option per payment */
  | { type: WaiverType; isAvailable: true; options: WaiverOption[] }
  /** not now, and the server's reason why as a code the pane words (null: the server listed nothing for it) */
  | { type: WaiverType; isAvailable: false; why: AvailableWaiver['why'] };

/** The four types in a fixed order, each with what it would waive now or why it cannot be made. */
export function typeChoices(available: AvailableWaiver[], form: WaiverForm): TypeChoice[] {
  return WAIVER_TYPES.map((type) => {
    const entries = entriesOf(available, type, form);
    const open = entries.filter((e) => e.why === null && (!isUnconditional(type) || e.paymentId !== null));
    if (open.length === 0) return { type, isAvailable: false, why: entries.find((e) => e.why)?.why ?? null };
    // one option per payment (or one for a conditional waiver): the server may list a payment once per form
    const seen = new Map<string, WaiverOption>();
    for (const e of open)
      if (!seen.has(e.paymentId ?? '')) seen.set(e.paymentId ?? '', { paymentId: e.paymentId, amountCents: e.amountCents, receivedOn: e.receivedOn ?? null });
    return { type, isAvailable: true, options: [...seen.values()] };
  });
}

export type GenerateSelection = { type: WaiverType | null; form: WaiverForm; paymentId: string | null };

/** The first type that can be made now (the form's starting point), or null when none can. */
export function firstAvailableType(choices: TypeChoice[]): WaiverType | null {
  return choices.find((c) => c.isAvailable)?.type ?? null;
}

export type GenerateCheck =
  | { ok: true; body: { type: WaiverType; form: WaiverForm; paymentId?: string; throughDate?: string; exceptions?: string }; amountCents: number }
  | { ok: false; problem: 'choose_type' | 'not_available' | 'choose_payment' };

/**
 * The POST /invoices/{id}/lien-waivers body for the selection, with the amount it will waive (the
 * server's figure: the amount is never typed), or what is missing. An unconditional waiver needs
 * a payment; with a single one it is taken without asking.
 */
export function checkGenerate(choices: TypeChoice[], sel: GenerateSelection, extra: { throughDate?: string; exceptions?: string } = {}): GenerateCheck {
  if (!sel.type) return { ok: false, problem: 'choose_type' };
  const choice = choices.find((c) => c.type === sel.type);
  if (!choice?.isAvailable) return { ok: false, problem: 'not_available' };
  let option = choice.options[0]!;
  if (isUnconditional(sel.type)) {
    const picked = choice.options.length === 1 ? choice.options[0] : choice.options.find((o) => o.paymentId === sel.paymentId);
    if (!picked?.paymentId) return { ok: false, problem: 'choose_payment' };
    option = picked;
  }
  const throughDate = extra.throughDate?.trim();
  const exceptions = extra.exceptions?.trim();
  return {
    ok: true,
    amountCents: option.amountCents,
    body: {
      type: sel.type,
      form: sel.form,
      ...(isUnconditional(sel.type) && option.paymentId ? { paymentId: option.paymentId } : {}),
      ...(throughDate ? { throughDate } : {}),
      ...(exceptions ? { exceptions } : {}),
    },
  };
}

export type SignInput = { signerName: string; signerTitle: string; consent: boolean };
export type SignProblem = 'name_required' | 'name_one_word' | 'title_required' | 'consent_required';
export type SignProblems = Partial<Record<keyof SignInput, SignProblem>>;

/**
 * A typed-name signature: the signer's full name (at least two words: "Ana" alone does not
 * identify a signer), their title, and the explicit consent that the typed name is their signature.
 */
export function checkSign(
  input: SignInput,
): { ok: true; body: { signerName: string; signerTitle: string; consent: true } } | { ok: false; problems: SignProblems } {
  const problems: SignProblems = {};
  const name = input.signerName.trim().replace(/\s+/g, ' ');
  const title = input.signerTitle.trim().replace(/\s+/g, ' ');
  if (!name) problems.signerName = 'name_required';
  else if (!name.includes(' ')) problems.signerName = 'name_one_word';
  if (!title) problems.signerTitle = 'title_required';
  if (!input.consent) problems.consent = 'consent_required';
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, body: { signerName: name, signerTitle: title, consent: true } };
}

export type ReceivedInput = { type: WaiverType | ''; amount: string; throughDate: string; file: { name: string } | null };
export type ReceivedProblem =
  | 'required'
  | 'amount_not_number'
  | 'amount_too_precise'
  | 'amount_too_large'
  | 'amount_not_positive'
  | 'date_invalid'
  | 'date_future';
export type ReceivedProblems = Partial<Record<keyof ReceivedInput, ReceivedProblem>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A subcontractor's waiver as received: its type, the amount it waives as written on it (typed in
 * the pane's notation: "12,500.00", "12.500,00", "12 500,00"), the through date (not after
 * today: a waiver cannot release work not yet done) and the signed file.
 */
export function checkReceived(
  input: ReceivedInput,
  locale: string,
  today: string,
): { ok: true; value: { type: WaiverType; amountCents: number; throughDate: string } } | { ok: false; problems: ReceivedProblems } {
  const problems: ReceivedProblems = {};
  if (!input.type) problems.type = 'required';
  let amountCents = 0;
  if (!input.amount.trim()) problems.amount = 'required';
  else {
    const r = parseMoneyInput(input.amount.trim(), { locale });
    if (!r.ok) problems.amount = r.code === 'TOO_MANY_DECIMALS' ? 'amount_too_precise' : r.code === 'OUT_OF_RANGE' ? 'amount_too_large' : 'amount_not_number';
    else if (r.cents <= 0) problems.amount = 'amount_not_positive';
    else amountCents = r.cents;
  }
  if (!input.throughDate) problems.throughDate = 'required';
  else if (!ISO_DATE.test(input.throughDate) || Number.isNaN(Date.parse(`${input.throughDate}T00:00:00Z`))) problems.throughDate = 'date_invalid';
  else if (input.throughDate > today) problems.throughDate = 'date_future';
  if (!input.file) problems.file = 'required';
  if (Object.keys(problems).length || !input.type) return { ok: false, problems };
  return { ok: true, value: { type: input.type, amountCents, throughDate: input.throughDate } };
}
