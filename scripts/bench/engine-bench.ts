// Pure engine timing: G702 for N lines with shared/engine (bundled by esbuild for Node).
import { computeInvoice } from '@shared/engine';
import type { InvoiceInput } from '@shared/engine/types';

export function buildInput(lineCount: number): InvoiceInput {
  return {
    terms: { accountingMethod: 'amount', workRetainageBps: 1000, storedRetainageBps: 500, reduction: null, allowOverbilling: false },
    period: { start: '2026-10-01', end: '2026-10-31' },
    changeOrders: [{ amountCents: 123_456, approvedOn: '2026-10-05' }],
    previousCertificatesCents: 0,
    lines: Array.from({ length: lineCount }, (_, i) => ({
      sov: {
        lineId: `l${i}`,
        itemNo: String(i + 1),
        description: `Line ${i + 1}`,
        originalScheduledValueCents: 1_000_000 + i * 37,
        changeOrderCents: i === 0 ? 123_456 : 0,
        scheduledQty: null,
        unitPrice: null,
        unitOfMeasure: null,
        hasSubtotalOverride: false,
        workRetainageBpsOverride: null,
        storedRetainageBpsOverride: null,
      },
      prior: {
        workCompletedToDateCents: 100_000 + i,
        materialsPresentlyStoredCents: 5_000,
        workQtyToDate: 0,
        storedQty: 0,
        workRetainageCents: 10_000,
        retainageReleasedToDateCents: 0,
      },
      entry: { workCompletedThisPeriodCents: 200_003 + i, materialsPresentlyStoredCents: 2_500, workQtyThisPeriod: 0, storedQty: 0, retainageReleasedCents: 0 },
    })),
  };
}

/**
 * Median and fastest of `runs` timings (ms) of computeInvoice on `lineCount` lines. On a shared
 * machine the median carries other processes' load and GC pauses; the fastest run is what the
 * engine costs when it has the core.
 */
export function timeCompute(lineCount: number, runs = 15): { medianMs: number; minMs: number; line8Cents: number } {
  const input = buildInput(lineCount);
  let line8 = 0;
  for (let i = 0; i < 3; i++) line8 = computeInvoice(input).g702.line8CurrentPaymentDueCents; // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    line8 = computeInvoice(input).g702.line8CurrentPaymentDueCents;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)]!, minMs: times[0]!, line8Cents: line8 };
}
