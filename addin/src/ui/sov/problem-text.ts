// One problem as a sentence in the pane's language: where (row, column, header) and why. Codes the
// pane knows are translated; anything else shows the parser's or server's own words.
import type { SovLabels } from './labels';
import type { SheetProblem } from './sheet-problems';
import type { SovField } from './sov-columns';

/** Longest text the request schema takes per field (shared/api/contracts.ts ZSovLineInput). */
const MAX_LENGTH: Partial<Record<SovField, number>> = { itemNo: 30, costCode: 50, description: 500, group: 100, unitOfMeasure: 20 };
const DECIMALS: Partial<Record<SovField, number>> = { scheduledValueCents: 2, scheduledQty: 4, unitPrice: 4, workRetainageBps: 2, storedRetainageBps: 2 };
const isRate = (f: SovField | null) => f === 'workRetainageBps' || f === 'storedRetainageBps';

export function whyText(p: SheetProblem, L: SovLabels): string {
  const shown = p.shown ?? '';
  switch (p.code) {
    case 'EMPTY':
    case 'REQUIRED':
      return L.why.required;
    case 'TOO_SMALL':
      return p.field && MAX_LENGTH[p.field] ? L.why.required : p.message;
    case 'TOO_BIG':
      if (isRate(p.field)) return L.why.percentTooBig;
      return p.field && MAX_LENGTH[p.field] ? L.why.tooLong(MAX_LENGTH[p.field]!) : p.message;
    case 'NOT_A_NUMBER':
      return L.why.notNumber(shown);
    case 'TOO_MANY_DECIMALS':
      return L.why.tooManyDecimals(shown, (p.field && DECIMALS[p.field]) ?? 2);
    case 'OUT_OF_RANGE':
      return /negative/.test(p.message) ? p.message : L.why.outOfRange(shown);
    case 'NEGATIVE':
      return L.why.negative;
    case 'DUPLICATE_ITEM_NO':
      return L.why.duplicate(p.itemNo ?? '', p.firstRow);
    case 'CONVERTED': {
      const [as, text] = shown.split('|');
      return L.why.converted(as === 'date' ? 'date' : 'percentage', text ?? '');
    }
    case 'EXCEL_ERROR':
      return L.why.excelError(shown);
    default:
      return p.message;
  }
}

export function problemText(p: SheetProblem, L: SovLabels): string {
  return `${L.at(p.row, p.column, p.header)}${L.colon}${whyText(p, L)}`;
}
