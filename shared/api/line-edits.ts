// The edit rules of PATCH /api/v1/invoices/:id/lines, written once: how each cell of a line edit
// is parsed into the line's entry, how a bad cell, an unknown line, a refused edit and a stale
// version are worded. The worker applies them (worker/src/services/invoices/parse-edits.ts,
// edit-lines.ts, versioned-write.ts) and so does the add-in's in-memory test server
// (addin/src/api/fake-server.ts), so the two cannot answer differently.
import type { ErrorDetail } from '../errors';
import { entryFromPercentComplete, qtyFromPercentComplete } from '../engine';
import type { LineEntry } from '../engine/types';
import { parseMoneyInput, parsePercentInput, parseQtyInput } from '../money';
import { cellErrorMessage, type TLineEdit } from './invoices';

type Parsed = { ok: true; value: number } | { ok: false; code: string; message: string };

/** An emptied cell means zero; anything else goes through the shared parsing rules (shared/money.ts). */
function parseCell(raw: unknown, parse: (v: unknown) => Parsed): Parsed {
  if (raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: 0 };
  return parse(raw);
}

const money = (v: unknown): Parsed => {
  const r = parseMoneyInput(v);
  return r.ok ? { ok: true, value: r.cents } : r;
};
const qty = (v: unknown): Parsed => {
  const r = parseQtyInput(v);
  return r.ok ? { ok: true, value: r.qty } : r;
};
const percent = (v: unknown): Parsed => {
  const r = parsePercentInput(v);
  return r.ok ? { ok: true, value: r.bps } : r;
};

/** The line an edit applies to, as the rules need it. */
export type EditedLine = {
  lineId: string;
  itemNo: string;
  /** original scheduled value plus approved change orders: what "% complete" is a percentage of */
  contractSumCents: number;
  /** work completed on earlier invoices: "% complete" is cumulative */
  workCompletedPreviousCents: number;
  /**
   * Set when the line bills by quantity (shared/engine billsByQuantity): "% complete" is then a
   * percentage of the scheduled quantity and becomes the quantity this period.
   */
  quantity?: { scheduledQty: number; workQtyPrevious: number } | null;
};

/**
 * Applies one edit's cells to `entry` (a copy is returned) and lists every bad cell with the
 * line, the field and why, instead of stopping at the first.
 */
export function applyLineEdit(edit: TLineEdit, line: EditedLine, entry: LineEntry): { entry: LineEntry; errors: ErrorDetail[] } {
  const next = { ...entry };
  const errors: ErrorDetail[] = [];
  const set = (field: keyof TLineEdit, parser: (v: unknown) => Parsed, apply: (n: number) => void) => {
    if (!(field in edit)) return;
    const r = parseCell(edit[field], parser);
    if (r.ok) apply(r.value);
    else errors.push({ lineId: line.lineId, itemNo: line.itemNo, field, code: r.code, message: cellErrorMessage(line.itemNo, field, r.message) });
  };
  set('workCompletedThisPeriod', money, (n) => (next.workCompletedThisPeriodCents = n));
  set('materialsPresentlyStored', money, (n) => (next.materialsPresentlyStoredCents = n));
  set('workQtyThisPeriod', qty, (n) => (next.workQtyThisPeriod = n));
  set('storedQty', qty, (n) => (next.storedQty = n));
  set('retainageReleased', money, (n) => (next.retainageReleasedCents = n));
  // Last, so a percentage wins over an amount or quantity sent for the same line (one rule,
  // shared/engine/percent-complete.ts, for both ways a line bills).
  set('percentComplete', percent, (bps) => {
    if (line.quantity) next.workQtyThisPeriod = qtyFromPercentComplete(line.quantity.scheduledQty, line.quantity.workQtyPrevious, bps).workQtyThisPeriod;
    else next.workCompletedThisPeriodCents = entryFromPercentComplete(line.contractSumCents, line.workCompletedPreviousCents, bps).workCompletedThisPeriodCents;
  });
  return { entry: next, errors };
}

/** The detail of an edit naming a line the invoice does not have (`index` from 0). */
export function lineNotFound(edit: TLineEdit, index: number): ErrorDetail {
  return {
    lineId: edit.lineId,
    itemNo: edit.itemNo,
    field: edit.lineId ? 'lineId' : 'itemNo',
    code: 'LINE_NOT_FOUND',
    message: `Edit ${index + 1}: no line ${edit.lineId ?? `with item no. "${edit.itemNo}"`} on this invoice`,
  };
}

/** The 422 message of a refused bulk edit: all or nothing. */
export const editRefusedMessage = (badCells: number) => `${badCells} cell(s) could not be saved; nothing was changed`;

/** The 409 VERSION_CONFLICT message (its meta carries currentVersion). */
export const versionConflictMessage = (sentVersion: number, currentVersion: number) =>
  `The invoice changed since version ${sentVersion}; it is now at version ${currentVersion}. Refresh and reapply your edits.`;
