import { agingBucket, agingBuckets, daysPastDue, type AgingBucket } from './clock';

// Aging: a contract's open balances by days past due, and its retainage held shown apart (never in
// a bucket: retainage is not due until released). Pure; worker/src/services/payments/get-aging.ts
// reads the rows. Definitions in docs/get-paid.md "Payments and aging".

export type Buckets = Record<AgingBucket, number>;

export const emptyBuckets = (): Buckets => Object.fromEntries(agingBuckets.map((b) => [b, 0])) as Buckets;

export type AgingInvoiceInput = { invoiceId: string; number: number; dueOn: string | null; openCents: number };

export type AgingInvoice = AgingInvoiceInput & { daysPastDue: number; bucket: AgingBucket };

export type AgingContractInput = {
  contractId: string;
  contractNumber: number;
  contractTitle: string;
  counterpartyName: string;
  retainageHeldCents: number;
  /** the contract's submitted invoices (drafts are never aged) with their open balances */
  invoices: AgingInvoiceInput[];
};

export type AgingRow = Omit<AgingContractInput, 'invoices'> & { buckets: Buckets; totalOpenCents: number; invoices: AgingInvoice[] };

/** One row per contract; invoices with nothing open are left out of the row's invoices and buckets. */
export function agingRows(
  contracts: readonly AgingContractInput[],
  asOf: string,
): { rows: AgingRow[]; totals: { buckets: Buckets; totalOpenCents: number; retainageHeldCents: number } } {
  const totals = { buckets: emptyBuckets(), totalOpenCents: 0, retainageHeldCents: 0 };
  const rows = contracts.map((c) => {
    const buckets = emptyBuckets();
    const invoices: AgingInvoice[] = [];
    for (const i of c.invoices) {
      if (i.openCents <= 0) continue;
      const late = daysPastDue(i.dueOn, asOf);
      const bucket = agingBucket(late);
      buckets[bucket] += i.openCents;
      invoices.push({ ...i, daysPastDue: late, bucket });
    }
    const totalOpenCents = invoices.reduce((s, i) => s + i.openCents, 0);
    for (const b of agingBuckets) totals.buckets[b] += buckets[b];
    totals.totalOpenCents += totalOpenCents;
    totals.retainageHeldCents += c.retainageHeldCents;
    const { invoices: _all, ...head } = c;
    return { ...head, buckets, totalOpenCents, invoices };
  });
  return { rows, totals };
}
