// The saved schedule of values as rows of the "SOV #n" sheet (excel/sov-sheet.ts): one column per
// field of the contract's method, headed with the pane's labels (which sov-columns.ts recognises),
// numbers as numbers (cents / 100 is the double Excel stores for the typed decimal), text as '@'.
import type { TSovView } from '@shared/api/contract-views';
import type { AccountingMethod } from '@shared/engine/types';
import type { SheetColumn } from '../../excel/sov-sheet';
import { centsToCell, qtyToCell, type CellValue } from '../../excel/units';
import type { SovLabels } from './labels';
import { fieldsFor, type SovField } from './sov-columns';

const FORMATS: Record<SovField, string> = {
  itemNo: '@',
  costCode: '@',
  description: '@',
  group: '@',
  unitOfMeasure: '@',
  scheduledValueCents: '#,##0.00',
  scheduledQty: 'General',
  unitPrice: 'General',
  workRetainageBps: 'General',
  storedRetainageBps: 'General',
};

export function sovSheetRows(sov: TSovView, method: AccountingMethod, L: SovLabels): { columns: SheetColumn[]; rows: CellValue[][] } {
  const fields = fieldsFor(method);
  const groupName = new Map(sov.groups.map((g) => [g.id, g.name]));
  const cell = (l: TSovView['lines'][number], f: SovField): CellValue => {
    switch (f) {
      case 'group':
        return l.groupId ? (groupName.get(l.groupId) ?? '') : '';
      case 'scheduledValueCents':
        return centsToCell(l.scheduledValueCents);
      case 'scheduledQty':
        return l.scheduledQty === null ? '' : qtyToCell(l.scheduledQty);
      case 'unitPrice':
        return l.unitPrice === null ? '' : qtyToCell(l.unitPrice);
      case 'unitOfMeasure':
        return l.unitOfMeasure ?? '';
      // a rate in percent (10 = 10%): read back as a plain number of percent (ui/sov/parse-block.ts)
      case 'workRetainageBps':
        return l.workRetainageBps === null ? '' : l.workRetainageBps / 100;
      case 'storedRetainageBps':
        return l.storedRetainageBps === null ? '' : l.storedRetainageBps / 100;
      default:
        return l[f];
    }
  };
  return {
    columns: fields.map((f) => ({ header: L.fields[f], format: FORMATS[f] })),
    rows: sov.lines.map((l) => fields.map((f) => cell(l, f))),
  };
}
