// The worked two-period example of fixtures/g702-two-periods.json reproduced to the cent:
// every G703 line field, totals, G702 lines and change order summary of both invoices.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeInvoice, priorFromComputed, ZERO_PRIOR } from './compute-invoice';
import type { ContractTerms, InvoiceInput, InvoiceResult, PriorLine } from './types';
import { sov as amountLine } from './test-builders';

type FixtureLine = {
  itemNo: string;
  input: { workCompletedThisPeriodCents: number; materialsPresentlyStoredCents: number };
  expected: Record<string, number | string>;
};
type FixtureInvoice = {
  invoiceNumber: number;
  billingPeriod: { start: string; end: string };
  lines: FixtureLine[];
  expectedTotals: Record<string, number>;
  expectedG702: Record<string, number>;
  expectedChangeOrderSummary: Record<string, number>;
};
type Fixture = {
  contract: { originalContractSumCents: number; retainage: { workRateBps: number; storedRateBps: number } };
  sovLines: Array<{ itemNo: string; description: string; scheduledValueCents: number }>;
  changeOrders: Array<{ number: number; amountCents: number; approvedOn: string; lineItemNo: string }>;
  invoices: FixtureInvoice[];
};

const fixturePath = fileURLToPath(new URL('../../fixtures/g702-two-periods.json', import.meta.url));
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Fixture;

const terms: ContractTerms = {
  accountingMethod: 'amount',
  workRetainageBps: fixture.contract.retainage.workRateBps,
  storedRetainageBps: fixture.contract.retainage.storedRateBps,
  reduction: null,
  allowOverbilling: false,
};

/** Build one invoice's input with the given change orders applied to their lines. */
function buildInput(
  invoice: FixtureInvoice,
  changeOrders: Fixture['changeOrders'],
  priors: Map<string, PriorLine>,
  previousCertificatesCents: number,
): InvoiceInput {
  return {
    terms,
    period: invoice.billingPeriod,
    changeOrders: changeOrders.map((co) => ({ amountCents: co.amountCents, approvedOn: co.approvedOn })),
    previousCertificatesCents,
    lines: invoice.lines.map((fl) => {
      const sovLine = fixture.sovLines.find((s) => s.itemNo === fl.itemNo)!;
      const sov = amountLine(fl.itemNo, {
        description: sovLine.description,
        originalScheduledValueCents: sovLine.scheduledValueCents,
        changeOrderCents: changeOrders.filter((co) => co.lineItemNo === fl.itemNo).reduce((s, co) => s + co.amountCents, 0),
      });
      return {
        sov,
        prior: priors.get(fl.itemNo) ?? ZERO_PRIOR,
        entry: {
          workCompletedThisPeriodCents: fl.input.workCompletedThisPeriodCents,
          materialsPresentlyStoredCents: fl.input.materialsPresentlyStoredCents,
          workQtyThisPeriod: 0,
          storedQty: 0,
          retainageReleasedCents: 0,
        },
      };
    }),
  };
}

function expectMatchesFixture(result: InvoiceResult, invoice: FixtureInvoice): void {
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  expect(result.lines).toHaveLength(invoice.lines.length);
  invoice.lines.forEach((fl, i) => {
    const line = result.lines[i];
    expect(line.itemNo).toBe(fl.itemNo);
    // every expected field, compared exactly (toEqual on the picked subset)
    const picked = Object.fromEntries(Object.keys(fl.expected).map((k) => [k, line[k as keyof typeof line]]));
    expect(picked, `invoice ${invoice.invoiceNumber} line ${fl.itemNo}`).toEqual(fl.expected);
    expect(line.retainageReleasedToDateCents).toBe(0);
  });
  expect(result.totals).toEqual(invoice.expectedTotals);
  expect(result.g702).toEqual(invoice.expectedG702);
  expect(result.changeOrderSummary).toEqual(invoice.expectedChangeOrderSummary);
}

describe('fixture g702-two-periods.json', () => {
  const [inv1, inv2] = fixture.invoices;
  const co1 = fixture.changeOrders.filter((co) => co.number === 1);
  const result1 = computeInvoice(buildInput(inv1, co1, new Map(), 0));

  it('invoice 1 (CO1 on line 2) matches every expected figure', () => {
    expectMatchesFixture(result1, inv1);
    // the cent where Σ per-line retainage ≠ rate × total: 10% of ΣD+E (1,658,010) is 165,801
    expect(result1.g702.line5aWorkRetainageCents).toBe(165802);
  });

  it('invoice 2 (priors from invoice 1, both COs) matches every expected figure', () => {
    const priors = new Map(result1.lines.map((l) => [l.itemNo, priorFromComputed(l)]));
    const result2 = computeInvoice(buildInput(inv2, fixture.changeOrders, priors, result1.g702.line6TotalEarnedLessRetainageCents));
    expectMatchesFixture(result2, inv2);
    // cumulative work retainage on line 1: round(10% × 1,000,000) = 100,000, not 62,345 + 37,656
    expect(result2.lines[0].workRetainageCents).toBe(100000);
  });
});
