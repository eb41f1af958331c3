// The workbook layer: the ONLY place Excel.run appears (through run.ts, which waits out cell-edit
// mode). Each exported async function is one Excel.run that queues its loads, syncs as few times
// as it can and returns plain data.

export { renderInvoice } from './render-invoice';
export { applyServerLines } from './write-back';
export type { ApplyResult } from './write-back';
export { markBadCells, clearMarks } from './marks';
export type { CellMark } from './marks';
export { readEditedRows, readAllEditable, readG702Values, compareG702, touchesEditableColumn } from './read';
export type { EditedRow } from './read';
export { setColumnView, setRowHeight, applySearch } from './view-options';
export { watchWorkbookChanges, sheetExists } from './events';
export { g703Key, g702Key, columnIssueMessage } from './locate';
export { convertedMessage } from './typed-cells';
export type { Converted } from './typed-cells';
export { readSelectedLineIds } from './selection';
export { applyReplyMarks, selectLine } from './reply-marks';
export type { SheetChange, Watch } from './events';
// readBindings and InvoiceBinding: ui/workspace/workbook-invoices.ts imports ./binding directly
// (the early-reads entry, src/early-reads-entry.ts, must not load the whole layer)
export { readBinding } from './binding';
export type { EditField } from './columns';
export type { RetainageTerms } from './layout';
export type { G702Header } from './g702-plan';
export { writeG702Info, writeG702Notice } from './notice';
export { restoreGuardedCells, touchesGuardedCells } from './restore';
