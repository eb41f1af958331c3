// The "new change order" form as data: rows on an existing SOV line or as a new line, amounts as
// typed in the pane's language (shared/money.ts reads "1.234,56" in Spanish, "1 234,56" in
// French). `toRequest` checks every field at once and either builds the
// POST /contracts/{id}/change-orders body or names each bad field, so the user fixes them all in
// one pass and nothing is sent half right.
import type { TCreateChangeOrder } from '@shared/api/contracts';
import type { Locale } from '@shared/i18n/locales';
import { parseMoneyInput } from '@shared/money';
import type { FieldProblemCode } from './labels';

export type CoRow =
  | { key: number; mode: 'existing'; lineId: string | null; amount: string }
  | { key: number; mode: 'new'; itemNo: string; description: string; amount: string };
export type CoForm = { title: string; rows: CoRow[] };
/** "title", "rows.2.amount", "rows.0.itemNo" … → what is wrong there */
export type FieldErrors = Record<string, FieldProblemCode>;

type Body = { title: string; lines: TCreateChangeOrder['lines'] };

// the server's limits (shared/api/contracts.ts ZCreateChangeOrder), checked here to name the field
const MAX = { title: 200, itemNo: 30, description: 500 };

export function toRequest(form: CoForm, locale: Locale, existingItemNos: ReadonlySet<string>): { ok: true; body: Body } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = 'REQUIRED';
  else if (title.length > MAX.title) errors.title = 'TOO_LONG';
  const newItemNos = new Set<string>();
  const lines: Body['lines'] = [];
  form.rows.forEach((row, i) => {
    const at = `rows.${i}`;
    const amount = parseMoneyInput(row.amount, { locale });
    if (!amount.ok) errors[`${at}.amount`] = amount.code;
    if (row.mode === 'existing') {
      if (!row.lineId) errors[`${at}.lineId`] = 'REQUIRED';
      if (row.lineId && amount.ok) lines.push({ lineId: row.lineId, amountCents: amount.cents });
      return;
    }
    const itemNo = row.itemNo.trim();
    const description = row.description.trim();
    if (!itemNo) errors[`${at}.itemNo`] = 'REQUIRED';
    else if (itemNo.length > MAX.itemNo) errors[`${at}.itemNo`] = 'TOO_LONG';
    else if (existingItemNos.has(itemNo) || newItemNos.has(itemNo)) errors[`${at}.itemNo`] = 'DUPLICATE_ITEM_NO';
    newItemNos.add(itemNo);
    if (!description) errors[`${at}.description`] = 'REQUIRED';
    else if (description.length > MAX.description) errors[`${at}.description`] = 'TOO_LONG';
    if (amount.ok) lines.push({ newLine: { itemNo, description }, amountCents: amount.cents });
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body: { title, lines } };
}

/**
 * The server's per-field details (worker/src/services/change-orders/create-change-order.ts:
 * "lines.2.newLine.itemNo", "lines.0") mapped onto the form's fields; the rest stays a message.
 */
export function serverFieldErrors(details: ReadonlyArray<{ field?: string; code?: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) {
    const m = /^lines\.(\d+)(?:\.(newLine\.itemNo|newLine\.description|amountCents|lineId))?$/.exec(d.field ?? '');
    if (!m) continue;
    const field = { 'newLine.itemNo': 'itemNo', 'newLine.description': 'description', amountCents: 'amount', lineId: 'lineId' }[m[2] ?? 'lineId'];
    out[`rows.${m[1]}.${field}`] = d.code === 'DUPLICATE_ITEM_NO' || d.code === 'LINE_NOT_FOUND' ? d.code : 'REQUIRED';
  }
  return out;
}
