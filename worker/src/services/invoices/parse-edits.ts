import type { ErrorDetail } from '@shared/errors';
import { cellErrorMessage, type TLineEdit } from '@shared/api/invoices';
import { parseMoneyInput, parsePercentInput, parseQtyInput } from '@shared/money';
import { entryFromPercentComplete } from '@shared/engine';
import type { LineEntry } from '@shared/engine/types';
import type { InvoiceState, SovLineRow } from './invoice-state';
import { entryFromRow } from './invoice-state';

type Parsed = { ok: true; value: number } | { ok: false; code: string; message: string };

/** An emptied cell means zero; anything else goes through the shared parsing rules. */
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

export type ParsedEdits = {
  entries: Map<string, LineEntry>;
  sovOverrides: Map<string, SovLineRow>;
  touched: Set<string>;
  errors: ErrorDetail[];
};

/**
 * Turns a bulk edit into new entries per line, collecting every bad cell (line, field, why)
 * instead of stopping at the first: the whole request is then accepted or refused as one.
 */
export function parseEdits(state: InvoiceState, edits: TLineEdit[]): ParsedEdits {
  const byId = new Map(state.sov.map((l) => [l.id, l]));
  const byItemNo = new Map(state.sov.map((l) => [l.itemNo, l]));
  const entries = new Map<string, LineEntry>();
  const sovOverrides = new Map<string, SovLineRow>();
  const touched = new Set<string>();
  const errors: ErrorDetail[] = [];

  edits.forEach((edit, index) => {
    const sov = edit.lineId ? byId.get(edit.lineId) : byItemNo.get(edit.itemNo ?? '');
    if (!sov || !state.rows.has(sov.id)) {
      errors.push({
        lineId: edit.lineId,
        itemNo: edit.itemNo,
        field: edit.lineId ? 'lineId' : 'itemNo',
        code: 'LINE_NOT_FOUND',
        message: `Edit ${index + 1}: no line ${edit.lineId ?? `with item no. "${edit.itemNo}"`} on this invoice`,
      });
      return;
    }
    const entry = { ...(entries.get(sov.id) ?? entryFromRow(state.rows.get(sov.id)!)) };
    const bad = (field: string, r: { code: string; message: string }) =>
      errors.push({ lineId: sov.id, itemNo: sov.itemNo, field, code: r.code, message: cellErrorMessage(sov.itemNo, field, r.message) });
    const set = (field: keyof TLineEdit, parser: (v: unknown) => Parsed, apply: (n: number) => void) => {
      if (!(field in edit)) return;
      const r = parseCell(edit[field], parser);
      if (r.ok) apply(r.value);
      else bad(field, r);
    };
    set('workCompletedThisPeriod', money, (n) => (entry.workCompletedThisPeriodCents = n));
    set('materialsPresentlyStored', money, (n) => (entry.materialsPresentlyStoredCents = n));
    set('workQtyThisPeriod', qty, (n) => (entry.workQtyThisPeriod = n));
    set('storedQty', qty, (n) => (entry.storedQty = n));
    set('retainageReleased', money, (n) => (entry.retainageReleasedCents = n));
    set('percentComplete', percent, (bps) => {
      const prior = state.priors.get(sov.id);
      const c = sov.originalScheduledValueCents + (state.coCentsByLine.get(sov.id) ?? 0);
      entry.workCompletedThisPeriodCents = entryFromPercentComplete(c, prior?.workCompletedToDateCents ?? 0, bps).workCompletedThisPeriodCents;
    });
    if (edit.workRetainageBpsOverride !== undefined || edit.storedRetainageBpsOverride !== undefined) {
      const base = sovOverrides.get(sov.id) ?? sov;
      sovOverrides.set(sov.id, {
        ...base,
        workRetainageBps: edit.workRetainageBpsOverride !== undefined ? edit.workRetainageBpsOverride : base.workRetainageBps,
        storedRetainageBps: edit.storedRetainageBpsOverride !== undefined ? edit.storedRetainageBpsOverride : base.storedRetainageBps,
      });
    }
    entries.set(sov.id, entry);
    touched.add(sov.id);
  });
  return { entries, sovOverrides, touched, errors };
}
