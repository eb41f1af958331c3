// The workbook layer: the ONLY place Excel.run appears. Each exported async function is one
// Excel.run that queues its loads, syncs as few times as it can and returns plain data.

export { renderInvoice, tableNameFor } from './render-invoice';
export type { RenderOptions, RenderResult } from './render-invoice';
export { applyServerLines, planWriteBack } from './write-back';
export type { ApplyOptions, LineChange } from './write-back';
export { markBadCells, clearMarks, addressOf } from './marks';
export type { CellMark, MarkTarget } from './marks';
export { readRange, readEditedRows, readAllEditable, readG702Values, compareG702, touchedRows, touchesEditableColumn } from './read';
export type { EditedRow, G702SheetValues, G702Mismatch } from './read';
export { diffGrid } from './diff';
export type { GridChange } from './diff';
export { setColumnView, setRowHeight, applySearch, matchLines, showOutlineLevel } from './view-options';
export { watchSheetChanges, sheetExists } from './events';
export { readSelectedLineIds } from './selection';
export type { SheetChange, Watch } from './events';
export { readBindings, readBinding, writeBinding, BINDING_KEY } from './binding';
export type { InvoiceBinding, WorkbookBinding } from './binding';
export { EDIT_FIELDS, columnsFor, NUMBER_FORMAT } from './columns';
export type { ColumnView, ColumnKey, EditField } from './columns';
export { planG703, serverCellValue, editableFields, billsByQuantity } from './layout';
export type { PendingValues, RetainageTerms, SheetLayout } from './layout';
export { planG702 } from './g702-plan';
export type { G702Header, G702LineKey, CoSummaryKey } from './g702-plan';
export type { SheetInfo } from './sheet-info';
export { centsToCell, qtyToCell, computedCellToCents, sameCell } from './units';
export type { CellValue } from './units';
export { CELLS_PER_SYNC, BYTES_PER_SYNC, planRowChunks } from './chunks';
export { supportsNotes, supportsComments, supportsTriggerSource } from './support';
