// Invoice views for the Node-side PDF checks and the PDF bench, computed by the billing engine
// (the same shared/ code the worker's getInvoice runs) from fixtures/. Not product code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeInvoice, priorFromComputed, ZERO_PRIOR } from '@shared/engine';
import type { ComputedLine, InvoiceResult, PriorLine } from '@shared/engine/types';
import { dollarsToCents } from '@shared/money';
import type { InvoicePdfInput, PdfHeader, PdfLine } from '../../worker/src/pdf/types';
import { sov as amountLine } from '@shared/engine/test-builders';

// PDF_FIXTURES_DIR: set by the bench, whose bundled copy of this file lives in a temporary folder
const fixturesDir = process.env.PDF_FIXTURES_DIR ?? fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const attachmentsDir = `${fixturesDir}attachments/`;

type Fixture = {
  contract: { retainage: { workRateBps: number; storedRateBps: number } };
  sovLines: Array<{ itemNo: string; description: string; scheduledValueCents: number }>;
  changeOrders: Array<{ amountCents: number; approvedOn: string; lineItemNo: string }>;
  invoices: Array<{
    invoiceNumber: number;
    billingPeriod: { start: string; end: string };
    lines: Array<{ itemNo: string; input: { workCompletedThisPeriodCents: number; materialsPresentlyStoredCents: number } }>;
  }>;
};
export const fixture = JSON.parse(readFileSync(`${fixturesDir}g702-two-periods.json`, 'utf8')) as Fixture & Record<string, unknown>;

export const sampleHeader: PdfHeader = {
  projectName: 'Riverside Medical Office Building',
  projectNumber: 'RMOB-2025',
  projectAddress: '1200 River Rd, Springfield',
  toName: 'Springfield Health Partners LLC',
  fromName: 'Northwind Builders Inc.',
  architect: 'Ruiz & Partners Architects',
  contractDate: '2024-12-02',
};

function viewOf(
  result: InvoiceResult,
  n: number,
  period: { start: string; end: string },
  groupOf: (l: ComputedLine) => string | null,
): InvoicePdfInput['view'] {
  return {
    invoice: { number: n, status: 'approved', billingPeriod: { ...period, due: period.end } },
    contract: { number: 1, title: 'Prime contract', kind: 'prime' },
    lines: result.lines.map((l): PdfLine => ({ ...l, groupName: groupOf(l) })),
    totals: result.totals,
    g702: result.g702,
    changeOrderSummary: result.changeOrderSummary,
  };
}

/** Invoices 1 and 2 of g702-two-periods.json, as getInvoice returns them (figures by the engine). */
export function fixtureInvoices(header: PdfHeader = sampleHeader, descriptions?: Record<string, string>): InvoicePdfInput[] {
  const t = {
    accountingMethod: 'amount' as const,
    workRetainageBps: fixture.contract.retainage.workRateBps,
    storedRetainageBps: fixture.contract.retainage.storedRateBps,
    reduction: null,
    allowOverbilling: false,
  };
  let priors = new Map<string, PriorLine>();
  let previous = 0;
  return fixture.invoices.map((inv) => {
    const cos = fixture.changeOrders.filter((co) => co.approvedOn <= inv.billingPeriod.end);
    const result = computeInvoice({
      terms: t,
      period: inv.billingPeriod,
      changeOrders: cos.map((co) => ({ amountCents: co.amountCents, approvedOn: co.approvedOn })),
      previousCertificatesCents: previous,
      lines: inv.lines.map((fl) => {
        const s = fixture.sovLines.find((x) => x.itemNo === fl.itemNo)!;
        const sov = amountLine(s.itemNo, {
          description: descriptions?.[s.itemNo] ?? s.description,
          originalScheduledValueCents: s.scheduledValueCents,
          changeOrderCents: cos.filter((co) => co.lineItemNo === s.itemNo).reduce((sum, co) => sum + co.amountCents, 0),
        });
        return { sov, prior: priors.get(s.itemNo) ?? ZERO_PRIOR, entry: { ...fl.input, workQtyThisPeriod: 0, storedQty: 0, retainageReleasedCents: 0 } };
      }),
    });
    priors = new Map(result.lines.map((l) => [l.itemNo, priorFromComputed(l)]));
    previous = result.g702.line6TotalEarnedLessRetainageCents;
    return { view: viewOf(result, inv.invoiceNumber, inv.billingPeriod, () => null), header };
  });
}

/** One CSV record's fields: commas inside double quotes belong to the field, "" is a quote. */
function csvFields(record: string): string[] {
  const out: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i]!;
    if (isQuoted && ch === '"' && record[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') isQuoted = !isQuoted;
    else if (ch === ',' && !isQuoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field.replace(/\r$/, ''));
  return out;
}

/**
 * A first invoice of `count` lines built from sov-commercial-building.csv (64 lines in 19 CSI
 * groups, repeated with suffixed item numbers), each line ~37% complete with some stored material.
 */
export function largeInvoice(count: number, header: PdfHeader = sampleHeader): InvoicePdfInput {
  const csv = readFileSync(`${fixturesDir}sov-commercial-building.csv`, 'utf8').trim().split('\n').slice(1);
  const rows = csv.map((r) => {
    const [itemNo, , group, description, value] = csvFields(r);
    return { itemNo: itemNo!, group: group!, description: description!, cents: dollarsToCents(value!) };
  });
  const lines = Array.from({ length: count }, (_, i) => {
    const r = rows[i % rows.length]!;
    const round = Math.floor(i / rows.length);
    const sov = amountLine(round ? `${r.itemNo}.${round}` : r.itemNo, {
      lineId: `l${i}`,
      description: r.description,
      originalScheduledValueCents: r.cents,
    });
    const e = Math.floor((r.cents * 37) / 100);
    return {
      sov,
      prior: ZERO_PRIOR,
      entry: {
        workCompletedThisPeriodCents: e,
        materialsPresentlyStoredCents: i % 7 === 0 ? Math.floor(r.cents / 20) : 0,
        workQtyThisPeriod: 0,
        storedQty: 0,
        retainageReleasedCents: 0,
      },
      group: r.group,
    };
  });
  const result = computeInvoice({
    terms: { accountingMethod: 'amount', workRetainageBps: 1000, storedRetainageBps: 500, reduction: null, allowOverbilling: true },
    period: { start: '2025-03-01', end: '2025-03-31' },
    changeOrders: [],
    previousCertificatesCents: 0,
    lines: lines.map(({ sov, prior, entry }) => ({ sov, prior, entry })),
  });
  const groupById = new Map(lines.map((l) => [l.sov.lineId, l.group]));
  return { view: viewOf(result, 1, { start: '2025-03-01', end: '2025-03-31' }, (l) => groupById.get(l.lineId) ?? null), header };
}
