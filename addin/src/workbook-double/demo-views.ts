// Invoice views built the way the server builds them (shared/engine computeInvoice + the view's
// extra fields), for tests and for the harness without a server: the G702 fixture's two invoices
// and schedules of any size.

import { computeInvoice, priorFromComputed, ZERO_PRIOR } from '@shared/engine';
import type { ContractTerms, InvoiceInput, LineEntry, PriorLine, SovLineOnInvoice } from '@shared/engine/types';
import type { InvoiceView } from '../api/types';
import { entry as emptyEntry, sov as sovLine } from '@shared/engine/test-builders';

export type ViewSpec = {
  invoiceId?: string;
  number?: number;
  version?: number;
  status?: InvoiceView['invoice']['status'];
  isEditable?: boolean;
  terms: ContractTerms;
  period: { start: string; end: string };
  lines: Array<{ sov: SovLineOnInvoice; prior: PriorLine; entry: LineEntry; groupId?: string | null; groupName?: string | null }>;
  changeOrders?: Array<{ id: string; number: number; title: string; amountCents: number; approvedOn: string }>;
  previousCertificatesCents?: number;
  generalInfo?: Partial<InvoiceView['generalInfo']>;
};

/** The view GET /invoices/:id would return for these inputs. */
export function buildView(spec: ViewSpec): InvoiceView {
  const input: InvoiceInput = {
    terms: spec.terms,
    period: spec.period,
    lines: spec.lines.map(({ sov, prior, entry }) => ({ sov, prior, entry })),
    changeOrders: (spec.changeOrders ?? []).map((c) => ({ amountCents: c.amountCents, approvedOn: c.approvedOn })),
    previousCertificatesCents: spec.previousCertificatesCents ?? 0,
  };
  const result = computeInvoice(input);
  const id = spec.invoiceId ?? 'inv-1';
  const isEditable = spec.isEditable ?? true;
  return {
    invoice: {
      id,
      projectId: 'prj-1',
      contractId: 'con-1',
      number: spec.number ?? 1,
      status: spec.status ?? 'draft',
      version: spec.version ?? 1,
      billingPeriod: { id: 'bp-1', start: spec.period.start, end: spec.period.end, due: spec.period.end },
      line6FrozenCents: null,
      includeBackup: false,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      isLatest: true,
      isEditable,
      notEditableReason: isEditable ? null : 'Read-only access',
      editableInvoiceNumber: isEditable ? (spec.number ?? 1) : null,
      pendingChangeOrderCount: 0,
      architectCertificate: null,
    },
    contract: {
      id: 'con-1',
      number: 1,
      kind: 'prime',
      title: 'Prime contract',
      accountingMethod: spec.terms.accountingMethod,
      allowOverbilling: spec.terms.allowOverbilling,
      workRetainageBps: spec.terms.workRetainageBps,
      storedRetainageBps: spec.terms.storedRetainageBps,
      retainageReduction: spec.terms.reduction,
    },
    generalInfo: {
      applicationDate: spec.period.end,
      toName: 'Harbor Point Holdings LLC',
      fromName: 'Northwind Builders Inc.',
      architect: '',
      contractDate: null,
      projectName: 'Demo project',
      projectAddress: '',
      projectNumber: '',
      contractFor: '#1 Prime contract',
      overridden: [],
      ...spec.generalInfo,
    },
    lines: result.lines.map((l, i) => ({
      ...l,
      costCode: '',
      position: i,
      groupId: spec.lines[i].groupId ?? null,
      groupName: spec.lines[i].groupName ?? null,
      hasSubtotalOverride: spec.lines[i].sov.hasSubtotalOverride,
      workRetainageBpsOverride: spec.lines[i].sov.workRetainageBpsOverride,
      storedRetainageBpsOverride: spec.lines[i].sov.storedRetainageBpsOverride,
    })),
    totals: result.totals,
    g702: result.g702,
    changeOrderSummary: result.changeOrderSummary,
    changeOrders: spec.changeOrders ?? [],
    warnings: result.warnings,
    deadlines: [] as InvoiceView['deadlines'],
  } as InvoiceView;
}

type Fixture = {
  contract: { retainage: { workRateBps: number; storedRateBps: number } };
  sovLines: Array<{ itemNo: string; description: string; scheduledValueCents: number }>;
  changeOrders: Array<{ number: number; title: string; amountCents: number; approvedOn: string; lineItemNo: string }>;
  invoices: Array<{
    invoiceNumber: number;
    billingPeriod: { start: string; end: string };
    lines: Array<{ itemNo: string; input: { workCompletedThisPeriodCents: number; materialsPresentlyStoredCents: number } }>;
  }>;
};

/** Both invoices of fixtures/g702-two-periods.json, chained as the server chains them. */
export function fixtureViews(fixture: Fixture): InvoiceView[] {
  const terms: ContractTerms = {
    accountingMethod: 'amount',
    workRetainageBps: fixture.contract.retainage.workRateBps,
    storedRetainageBps: fixture.contract.retainage.storedRateBps,
    reduction: null,
    allowOverbilling: false,
  };
  const views: InvoiceView[] = [];
  let priors = new Map<string, PriorLine>();
  let previous = 0;
  for (const inv of fixture.invoices) {
    // change orders approved by the end of this period are on this invoice
    const cos = fixture.changeOrders.filter((c) => c.approvedOn <= inv.billingPeriod.end);
    const view = buildView({
      invoiceId: `inv-${inv.invoiceNumber}`,
      number: inv.invoiceNumber,
      terms,
      period: inv.billingPeriod,
      previousCertificatesCents: previous,
      changeOrders: cos.map((c) => ({ id: `co-${c.number}`, number: c.number, title: c.title, amountCents: c.amountCents, approvedOn: c.approvedOn })),
      lines: inv.lines.map((fl) => {
        const s = fixture.sovLines.find((x) => x.itemNo === fl.itemNo)!;
        return {
          sov: sovLine(fl.itemNo, {
            description: s.description,
            originalScheduledValueCents: s.scheduledValueCents,
            changeOrderCents: cos.filter((c) => c.lineItemNo === fl.itemNo).reduce((n, c) => n + c.amountCents, 0),
          }),
          prior: priors.get(fl.itemNo) ?? ZERO_PRIOR,
          entry: emptyEntry(fl.input),
        };
      }),
    });
    views.push(view);
    priors = new Map(view.lines.map((l) => [l.itemNo, priorFromComputed(l)]));
    previous = view.g702.line6TotalEarnedLessRetainageCents;
  }
  return views;
}

/** A schedule of n amount lines (optionally in groups of `groupSize`), with some progress. */
export function largeView(n: number, options: { groupSize?: number; method?: 'amount' | 'unit' } = {}): InvoiceView {
  const method = options.method ?? 'amount';
  const terms: ContractTerms = { accountingMethod: method, workRetainageBps: 1000, storedRetainageBps: 500, reduction: null, allowOverbilling: false };
  return buildView({
    terms,
    period: { start: '2026-11-01', end: '2026-11-30' },
    lines: Array.from({ length: n }, (_, i) => {
      const itemNo = String(i + 1).padStart(4, '0');
      const g = options.groupSize ? Math.floor(i / options.groupSize) : null;
      const sov =
        method === 'unit'
          ? sovLine(itemNo, {
              lineId: `L${i + 1}`,
              description: `Unit line ${i + 1}`,
              scheduledQty: 1_000_000,
              unitPrice: 125_000,
              unitOfMeasure: 'CY',
              originalScheduledValueCents: 1_250_000,
            })
          : sovLine(itemNo, {
              lineId: `L${i + 1}`,
              description: `Work item ${i + 1} — concrete, steel and finishes`,
              originalScheduledValueCents: 1_000_000 + i * 137,
            });
      const entry =
        method === 'unit'
          ? emptyEntry({ workQtyThisPeriod: (i % 7) * 10_000 })
          : emptyEntry({ workCompletedThisPeriodCents: (i % 9) * 1_234, materialsPresentlyStoredCents: (i % 5) * 500 });
      return { sov, prior: ZERO_PRIOR, entry, groupId: g === null ? null : `grp-${g}`, groupName: g === null ? null : `Division ${g + 1}` };
    }),
  });
}
