// One G703 row: columns C–H (and %), from the SOV line, what the previous invoice left and what
// the user entered. Retainage (column I) needs the invoice-wide reduction test and is computed
// afterwards in retainage.ts. All figures are integer cents; quantities ten-thousandths.

import { amountForQty, formatCents, formatQty, percentDisplay } from '../money';
import type { ContractTerms, LineEntry, LineError, LineWarning, PriorLine, SovLineOnInvoice } from './types';

export type LineFigures = {
  billsByQuantity: boolean;
  scheduledValueCents: number; // C
  workCompletedPreviousCents: number; // D
  workCompletedThisPeriodCents: number; // E
  materialsPresentlyStoredCents: number; // F
  totalCompletedAndStoredCents: number; // G
  percentCompleteDisplay: string;
  balanceToFinishCents: number; // H
  // quantity-billed lines only (null otherwise)
  workQtyPrevious: number | null;
  workQtyThisPeriod: number | null;
  workQtyToDate: number | null;
  storedQty: number | null;
};

export type LineCheck = { figures: LineFigures; errors: LineError[]; warnings: LineWarning[] };

export type ComputeLineArgs = {
  sov: SovLineOnInvoice;
  prior: PriorLine;
  entry: LineEntry;
  terms: ContractTerms;
};

/**
 * A line bills by quantity when the contract is unit-based and the line has no subtotal override;
 * a unit line with a subtotal override bills by amount exactly like an amount line.
 */
export function billsByQuantity(sov: Pick<SovLineOnInvoice, 'hasSubtotalOverride'>, terms: Pick<ContractTerms, 'accountingMethod'>): boolean {
  return terms.accountingMethod === 'unit' && !sov.hasSubtotalOverride;
}

export function computeLine({ sov, prior, entry, terms }: ComputeLineArgs): LineCheck {
  const isQty = billsByQuantity(sov, terms);
  const errors: LineError[] = [];
  const warnings: LineWarning[] = [];
  const label = `Line ${sov.itemNo}`;
  const err = (field: string, code: LineError['code'], message: string) => errors.push({ lineId: sov.lineId, itemNo: sov.itemNo, field, code, message });

  // C: on unit lines the caller passes original C = amountForQty(scheduledQty, unitPrice).
  const c = sov.originalScheduledValueCents + sov.changeOrderCents;
  let d: number;
  let e: number;
  let f: number;
  let qty: Pick<LineFigures, 'workQtyPrevious' | 'workQtyThisPeriod' | 'workQtyToDate' | 'storedQty'>;

  if (isQty) {
    if (sov.unitPrice === null) {
      throw new Error(`${label} (${sov.lineId}) is billed by quantity but has no unit price`);
    }
    const price = sov.unitPrice;
    // Quantities are the source of truth: every amount is a difference of rounded cumulative
    // amounts, so no cent drifts across periods. The entry's cents fields are ignored here.
    const cumQty = prior.workQtyToDate + entry.workQtyThisPeriod;
    const cumAmount = amountForQty(cumQty, price);
    d = amountForQty(prior.workQtyToDate, price);
    e = cumAmount - d;
    f = amountForQty(cumQty + entry.storedQty, price) - cumAmount;
    qty = {
      workQtyPrevious: prior.workQtyToDate,
      workQtyThisPeriod: entry.workQtyThisPeriod,
      workQtyToDate: cumQty,
      storedQty: entry.storedQty,
    };
    const amountHint = 'this line is billed by quantity; enter quantities, not amounts';
    if (entry.workCompletedThisPeriodCents !== 0) {
      err('workCompletedThisPeriodCents', 'QUANTITY_NOT_ALLOWED', `${label}: ${amountHint}`);
    }
    if (entry.materialsPresentlyStoredCents !== 0) {
      err('materialsPresentlyStoredCents', 'QUANTITY_NOT_ALLOWED', `${label}: ${amountHint}`);
    }
    if (cumQty < 0) {
      err('workQtyThisPeriod', 'NEGATIVE_TO_DATE', `${label}: quantity completed to date would be ${formatQty(cumQty)}; it cannot be below 0`);
    }
    if (entry.storedQty < 0) {
      err('storedQty', 'NEGATIVE_STORED', `${label}: stored quantity (${formatQty(entry.storedQty)}) cannot be negative`);
    }
    const uom = sov.unitOfMeasure ? ` ${sov.unitOfMeasure}` : '';
    if (sov.scheduledQty !== null && cumQty + entry.storedQty > sov.scheduledQty) {
      warnings.push({
        lineId: sov.lineId,
        itemNo: sov.itemNo,
        code: 'QUANTITY_OVER_SCHEDULED',
        message:
          `${label}: quantity completed and stored (${formatQty(cumQty + entry.storedQty)}${uom}) ` +
          `exceeds the scheduled quantity (${formatQty(sov.scheduledQty)}${uom})`,
        isBlocking: false,
      });
    }
  } else {
    // Amount lines: D is the previous D + E. Prior F is NOT carried into D: stored material that
    // gets installed is billed again in E while F is lowered.
    d = prior.workCompletedToDateCents;
    e = entry.workCompletedThisPeriodCents;
    f = entry.materialsPresentlyStoredCents;
    qty = { workQtyPrevious: null, workQtyThisPeriod: null, workQtyToDate: null, storedQty: null };
    const qtyHint = 'this line is billed by amount; quantities are not allowed';
    if (entry.workQtyThisPeriod !== 0) err('workQtyThisPeriod', 'QUANTITY_NOT_ALLOWED', `${label}: ${qtyHint}`);
    if (entry.storedQty !== 0) err('storedQty', 'QUANTITY_NOT_ALLOWED', `${label}: ${qtyHint}`);
    // E may be negative (a correction) as long as the work to date stays ≥ 0.
    if (d + e < 0) {
      err(
        'workCompletedThisPeriodCents',
        'NEGATIVE_TO_DATE',
        `${label}: work completed to date would be ${formatCents(d + e)}; ` + `this period can remove at most ${formatCents(d)}`,
      );
    }
    if (f < 0) {
      err('materialsPresentlyStoredCents', 'NEGATIVE_STORED', `${label}: materials stored (${formatCents(f)}) cannot be negative`);
    }
  }

  const g = d + e + f;
  const h = c - g;

  if (g > c) {
    // A warning, never a silent change of a figure. When the contract does not allow overbilling
    // it also becomes an error so callers reject the edit.
    const isBlocking = !terms.allowOverbilling;
    const message = `${label}: total completed and stored (${formatCents(g)}) exceeds the scheduled value (${formatCents(c)})`;
    warnings.push({ lineId: sov.lineId, itemNo: sov.itemNo, code: 'OVERBILLED', message, isBlocking });
    if (isBlocking) {
      err(isQty ? 'workQtyThisPeriod' : 'workCompletedThisPeriodCents', 'OVERBILLED', `${message}; this contract does not allow overbilling`);
    }
  }

  const doubleCount = storedDoubleCountMessage(label, isQty, prior, entry, e, f, sov.unitOfMeasure);
  if (doubleCount) {
    warnings.push({ lineId: sov.lineId, itemNo: sov.itemNo, code: 'STORED_MATERIAL_DOUBLE_COUNT', message: doubleCount, isBlocking: false });
  }

  return {
    figures: {
      billsByQuantity: isQty,
      scheduledValueCents: c,
      workCompletedPreviousCents: d,
      workCompletedThisPeriodCents: e,
      materialsPresentlyStoredCents: f,
      totalCompletedAndStoredCents: g,
      percentCompleteDisplay: percentDisplay(g, c),
      balanceToFinishCents: h,
      ...qty,
    },
    errors,
    warnings,
  };
}

/**
 * Stored material lowered while E did not rise by at least as much: the installed material was
 * probably not billed in E (or is counted twice somewhere). Quantity lines compare quantities,
 * their source of truth; amount lines compare cents.
 */
function storedDoubleCountMessage(
  label: string,
  isQty: boolean,
  prior: PriorLine,
  entry: LineEntry,
  e: number,
  f: number,
  unitOfMeasure: string | null,
): string | null {
  if (isQty) {
    const drop = prior.storedQty - entry.storedQty;
    if (drop <= 0 || entry.workQtyThisPeriod >= drop) return null;
    const uom = unitOfMeasure ? ` ${unitOfMeasure}` : '';
    return (
      `${label}: stored quantity went down by ${formatQty(drop)}${uom} ` +
      `(${formatQty(prior.storedQty)} → ${formatQty(entry.storedQty)}) but the quantity completed this period is only ` +
      `${formatQty(entry.workQtyThisPeriod)}${uom}; check that installed material is billed once`
    );
  }
  const drop = prior.materialsPresentlyStoredCents - f;
  if (drop <= 0 || e >= drop) return null;
  return (
    `${label}: materials stored went down by ${formatCents(drop)} ` +
    `(${formatCents(prior.materialsPresentlyStoredCents)} → ${formatCents(f)}) but work completed this period is only ` +
    `${formatCents(e)}; check that installed material is billed once`
  );
}
