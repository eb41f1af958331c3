// The billing engine's public surface: computeInvoice is the one entry point; the rest are its
// building blocks and the helpers callers need around it.

export type * from './types';
export { computeInvoice, defaultEntry, priorFromComputed } from './compute-invoice';
export { entryFromPercentComplete } from './percent-complete';
export { summarizeChangeOrders } from './change-orders';
export { computeG702, computeTotals } from './g702';
export { billsByQuantity, computeLine } from './g703';
export type { ComputeLineArgs, LineCheck, LineFigures } from './g703';
export { computeLineRetainage, isReductionReached, splitNetRetainage } from './retainage';
export type { LineRetainage, LineRetainageArgs } from './retainage';
