// The billing engine's public surface: computeInvoice is the one entry point; the rest are its
// building blocks and the helpers callers need around it.

export type * from './types';
export { computeInvoice, defaultEntry, priorFromComputed, ZERO_PRIOR } from './compute-invoice';
export { entryFromPercentComplete, qtyFromPercentComplete } from './percent-complete';
export { billsByQuantity } from './g703';
