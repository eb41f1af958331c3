// The one rule set of a schedule of values. The worker applies it to PUT /contracts/{id}/sov
// (worker/src/services/sov/replace-sov.ts, after the route's schema check) and the task pane runs
// checkSovRequest before sending an import (addin/src/ui/sov/), so the pane's pre-check names the
// same problems, with the same field paths ("lines.3999.scheduledValueCents"), codes and words.
import { ZReplaceSov, ZSovLineInput, type TSovLineInput } from '../api/contracts';
import { zodDetails } from '../api/zod-details';
import type { AccountingMethod } from '../engine/types';
import type { ErrorDetail } from '../errors';
import { amountForQty } from '../money';

/** Per-line checks of a whole SOV against the contract's accounting method; every problem reported. */
export function validateSovLines(method: AccountingMethod, lines: Array<TSovLineInput | null>): { errors: ErrorDetail[]; scheduledCents: number[] } {
  const errors: ErrorDetail[] = [];
  const scheduledCents: number[] = [];
  const seen = new Map<string, number>();
  lines.forEach((l, i) => {
    // null: a line the request schema refused (checkSovRequest), reported there, skipped here
    if (l === null) {
      scheduledCents.push(0);
      return;
    }
    const at = (field: string, code: string, message: string) =>
      errors.push({ itemNo: l.itemNo, field: `lines.${i}.${field}`, code, message: `Line ${i + 1} (item ${l.itemNo}): ${message}` });
    const dup = seen.get(l.itemNo);
    if (dup !== undefined) at('itemNo', 'DUPLICATE_ITEM_NO', `item no. "${l.itemNo}" is already used by line ${dup + 1}`);
    else seen.set(l.itemNo, i);
    const byAmount = method === 'amount' || l.hasSubtotalOverride;
    if (byAmount) {
      if (l.scheduledValueCents === undefined) at('scheduledValueCents', 'REQUIRED', 'a scheduled value is required');
      if (method === 'amount' && (l.scheduledQty !== undefined || l.unitPrice !== undefined)) {
        at('scheduledQty', 'QUANTITY_NOT_ALLOWED', 'this contract is amount-based: lines have no quantity or unit price');
      }
      scheduledCents.push(l.scheduledValueCents ?? 0);
    } else {
      if (l.scheduledQty === undefined) at('scheduledQty', 'REQUIRED', 'a scheduled quantity is required on a unit-based contract');
      if (l.unitPrice === undefined) at('unitPrice', 'REQUIRED', 'a unit price is required on a unit-based contract');
      if (!l.unitOfMeasure) at('unitOfMeasure', 'REQUIRED', 'a unit of measure is required on a unit-based contract');
      if (l.scheduledValueCents !== undefined)
        at('scheduledValueCents', 'AMOUNT_NOT_ALLOWED', 'the value of a unit line is quantity × unit price (use a subtotal override to bill by amount)');
      scheduledCents.push(amountForQty(l.scheduledQty ?? 0, l.unitPrice ?? 0));
    }
    if ((scheduledCents.at(-1) ?? 0) < 0) at('scheduledValueCents', 'NEGATIVE', 'a scheduled value cannot be negative');
  });
  return { errors, scheduledCents };
}

/**
 * Everything the server checks on a replace-SOV body: the request schema (what the route refuses
 * with 422 before the service runs) and the per-line rules, with the server's fields and words.
 */
export function checkSovRequest(method: AccountingMethod, body: { lines: unknown[] }): ErrorDetail[] {
  const parsed = ZReplaceSov.safeParse(body);
  if (parsed.success) return validateSovLines(method, parsed.data.lines).errors;
  // The server stops at the schema's answer; the pane goes on with the rules on every line the
  // schema accepts, so one pass names every problem (a duplicate as well as an empty cell).
  const lines = body.lines.map((l) => {
    const one = ZSovLineInput.safeParse(l);
    return one.success ? one.data : null;
  });
  return [...zodDetails(parsed.error), ...validateSovLines(method, lines).errors];
}

/** "lines.3999.description" → { index: 3999, key: 'description' }; null for a field outside the lines. */
export function sovLineField(field: string): { index: number; key: string } | null {
  const m = /^lines\.(\d+)(?:\.([A-Za-z]+))?/.exec(field);
  return m ? { index: Number(m[1]), key: m[2] ?? '' } : null;
}
