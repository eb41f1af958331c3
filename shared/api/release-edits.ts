// What a retainage release invoice (invoices.kind 'retainage_release') refuses in a line edit. It
// bills nothing but the release (docs/billing-rules.md "Retainage-only invoices"): work this
// period (E) stays 0 and stored materials (F) stay at the previous invoice's balance, so lines 4
// and 5 gross do not move and line 8 is exactly the retainage released. Only the release column
// is entered. Applied by worker/src/services/invoices/parse-edits.ts; the pane locks the same
// columns (addin/src/excel/columns.ts).
import type { ErrorDetail } from '../errors';
import type { LineEntry } from '../engine/types';
import type { TLineEdit } from './invoices';

/** The G703 column letters the message names, in the accountant's words. */
const workFields = ['percentComplete', 'workCompletedThisPeriod', 'workQtyThisPeriod'] as const;
const storedFields = ['materialsPresentlyStored', 'storedQty'] as const;
const rateFields = ['workRetainageBpsOverride', 'storedRetainageBpsOverride'] as const;

export const releaseRefusedMessages = {
  work: (itemNo: string) => `Line ${itemNo}: a retainage release invoice bills no work (column E)`,
  stored: (itemNo: string) => `Line ${itemNo}: a retainage release invoice bills no stored materials (column F keeps the previous invoice's balance)`,
  rate: (itemNo: string) => `Line ${itemNo}: a retainage release invoice cannot change retainage rates`,
};

/**
 * The refused cells of one edit on a release invoice: a field is refused when it would change the
 * line (a client re-sending the locked value, 0 in E, is not an error). `before` is the line's
 * entry before this edit (stored, or as earlier refused edits of the same request left it, so a
 * cell is reported once), `after` the entry with the edit applied.
 */
export function releaseEditRefusals(
  edit: TLineEdit,
  line: { lineId: string; itemNo: string; workRetainageBps: number | null; storedRetainageBps: number | null },
  before: LineEntry,
  after: LineEntry,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const refuse = (field: string, message: string) => out.push({ lineId: line.lineId, itemNo: line.itemNo, field, code: 'RELEASE_INVOICE_LOCKED', message });
  const workMoved = after.workCompletedThisPeriodCents !== before.workCompletedThisPeriodCents || after.workQtyThisPeriod !== before.workQtyThisPeriod;
  if (workMoved) refuse(workFields.find((f) => f in edit) ?? 'workCompletedThisPeriod', releaseRefusedMessages.work(line.itemNo));
  const storedMoved = after.materialsPresentlyStoredCents !== before.materialsPresentlyStoredCents || after.storedQty !== before.storedQty;
  if (storedMoved) refuse(storedFields.find((f) => f in edit) ?? 'materialsPresentlyStored', releaseRefusedMessages.stored(line.itemNo));
  const current = { workRetainageBpsOverride: line.workRetainageBps, storedRetainageBpsOverride: line.storedRetainageBps };
  for (const f of rateFields) {
    if (edit[f] !== undefined && edit[f] !== current[f]) refuse(f, releaseRefusedMessages.rate(line.itemNo));
  }
  return out;
}
