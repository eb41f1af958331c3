// The workbook layer: the ONLY place Excel.run appears. Each exported async function is one
// Excel.run that queues its loads, syncs as few times as it can and returns plain data.

export { renderInvoice } from './render-invoice';
export { applyServerLines } from './write-back';
export { markBadCells, clearMarks } from './marks';
export type { CellMark } from './marks';
export { readEditedRows, readAllEditable, readG702Values, compareG702, touchesEditableColumn } from './read';
export type { EditedRow } from './read';
export { setColumnView, setRowHeight, applySearch } from './view-options';
export { watchSheetChanges, sheetExists } from './events';
export { readSelectedLineIds } from './selection';
export type { SheetChange, Watch } from './events';
export { readBindings, readBinding, writeBinding } from './binding';
export type { InvoiceBinding } from './binding';
export { EDIT_FIELDS } from './columns';
export type { RetainageTerms } from './layout';
export type { G702Header } from './g702-plan';
