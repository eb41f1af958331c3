import type { EditField } from '../../excel/columns';
import type { CellValue } from '../../excel/units';
import type { MessageKey, Params } from '../../i18n';
import { workbookLabels } from './workbook-labels';

const keys: Record<Exclude<EditField, 'percentComplete'>, MessageKey> = {
  workCompletedThisPeriod: 'history.field.workCompletedThisPeriodCents',
  materialsPresentlyStored: 'history.field.materialsPresentlyStoredCents',
  workQtyThisPeriod: 'history.field.workQtyThisPeriod',
  storedQty: 'history.field.storedQty',
  retainageReleased: 'history.field.retainageReleasedCents',
};

export function fieldLabel(field: EditField, t: (key: MessageKey, params?: Params) => string, lang?: string): string {
  return field === 'percentComplete' ? workbookLabels(lang).percentField : t(keys[field]);
}

/** A cell value as the user typed it (numbers as Excel shows them unformatted). */
export function formatCellValue(v: CellValue): string {
  return typeof v === 'number' ? String(v) : String(v ?? '');
}
