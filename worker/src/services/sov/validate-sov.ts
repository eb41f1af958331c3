import type { TSovLineInput } from '@shared/api/contracts';
import type { ErrorDetail } from '@shared/errors';
import { amountForQty } from '@shared/money';
import type { AccountingMethod } from '@shared/engine/types';

/** Per-line checks of a whole SOV against the contract's accounting method; every problem reported. */
export function validateSovLines(method: AccountingMethod, lines: TSovLineInput[]): { errors: ErrorDetail[]; scheduledCents: number[] } {
  const errors: ErrorDetail[] = [];
  const scheduledCents: number[] = [];
  const seen = new Map<string, number>();
  lines.forEach((l, i) => {
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
