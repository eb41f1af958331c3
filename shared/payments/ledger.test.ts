import { describe, expect, it } from 'vitest';
import { agingRows } from './aging';
import { amountDueCents, paidCents, paymentFlags, paymentSummary, type LedgerPayment } from './ledger';
import { receivedOnProblems } from './payment-rules';

const pay = (id: string, receivedOn: string, amountCents: number, isVoided = false): LedgerPayment => ({
  id,
  receivedOn,
  createdAt: `${receivedOn}T10:00:00.000Z`,
  amountCents,
  isVoided,
});

describe('payment ledger', () => {
  it('amount due is line 6 less the previous invoice line 6; none for a draft', () => {
    expect(amountDueCents(1_000_000, 400_000)).toBe(600_000);
    expect(amountDueCents(1_000_000, null)).toBe(1_000_000);
    expect(amountDueCents(null, 400_000)).toBeNull();
  });

  it('flags each payment against the running balance, in the order received; a void does not count', () => {
    // due 1,000.00: 300 → 300 (partial), 700 → 1,000 (full), 50 → 1,050 (over); the voided 200 counts for nothing
    const payments = [pay('c', '2027-03-03', 5_000), pay('a', '2027-03-01', 30_000), pay('v', '2027-03-01', 20_000, true), pay('b', '2027-03-02', 70_000)];
    expect(Object.fromEntries(paymentFlags(100_000, payments))).toEqual({ a: 'partial', v: 'partial', b: 'full', c: 'over' });
    expect(paidCents(payments)).toBe(105_000);
  });

  it('states: not due, unpaid when late, partial, paid, overpaid', () => {
    const base = { amountDueCents: 100_000, dueOn: '2027-03-31' };
    expect(paymentSummary({ ...base, paidCents: 0, asOf: '2027-03-31' })).toEqual({
      paidCents: 0,
      openCents: 100_000,
      overpaidCents: 0,
      state: 'not_due',
      dueOn: '2027-03-31',
      daysPastDue: 0,
    });
    expect(paymentSummary({ ...base, paidCents: 0, asOf: '2027-04-02' })).toMatchObject({ state: 'unpaid', daysPastDue: 2 });
    expect(paymentSummary({ ...base, paidCents: 40_000, asOf: '2027-04-02' })).toMatchObject({ state: 'partial', openCents: 60_000, daysPastDue: 2 });
    expect(paymentSummary({ ...base, paidCents: 100_000, asOf: '2027-04-02' })).toMatchObject({ state: 'paid', openCents: 0, daysPastDue: 0 });
    expect(paymentSummary({ ...base, paidCents: 100_001, asOf: '2027-04-02' })).toMatchObject({ state: 'overpaid', openCents: 0, overpaidCents: 1 });
    expect(paymentSummary({ amountDueCents: null, dueOn: null, paidCents: 0, asOf: '2027-04-02' })).toMatchObject({ state: 'not_due', openCents: 0 });
  });

  it('refuses a date in the future or before the submission, naming the field', () => {
    expect(receivedOnProblems('2027-04-03', '2027-04-02', '2027-03-01', 2)).toMatchObject([{ field: 'receivedOn', code: 'IN_THE_FUTURE' }]);
    expect(receivedOnProblems('2027-02-27', '2027-04-02', '2027-03-01', 2)).toMatchObject([
      { field: 'receivedOn', code: 'BEFORE_SUBMISSION', message: expect.stringContaining('invoice #2') },
    ]);
    expect(receivedOnProblems('2027-03-01', '2027-04-02', '2027-03-01', 2)).toEqual([]);
    // submitted on 2027-03-01 UTC can be the evening of 02-28 west of UTC: that day is accepted
    expect(receivedOnProblems('2027-02-28', '2027-04-02', '2027-03-01', 2)).toEqual([]);
  });
});

describe('aging rows', () => {
  it('buckets open balances by days past due, leaves paid invoices out, keeps retainage apart', () => {
    const { rows, totals } = agingRows(
      [
        {
          contractId: 'c1',
          contractNumber: 1,
          contractTitle: 'Prime',
          counterpartyName: 'Owner',
          retainageHeldCents: 9_999,
          invoices: [
            { invoiceId: 'i1', number: 1, dueOn: '2027-01-01', openCents: 100 }, // 90 days late on 2027-04-01 → d61_90
            { invoiceId: 'i2', number: 2, dueOn: '2027-03-31', openCents: 200 }, // 1 → d1_30
            { invoiceId: 'i3', number: 3, dueOn: '2027-04-01', openCents: 400 }, // 0 → current
            { invoiceId: 'i4', number: 4, dueOn: '2026-12-31', openCents: 0 }, // paid: not shown
          ],
        },
      ],
      '2027-04-01',
    );
    expect(rows[0]!.buckets).toEqual({ current: 400, d1_30: 200, d31_60: 0, d61_90: 100, d90_plus: 0 });
    expect(rows[0]!.invoices.map((i) => [i.number, i.daysPastDue, i.bucket])).toEqual([
      [1, 90, 'd61_90'],
      [2, 1, 'd1_30'],
      [3, 0, 'current'],
    ]);
    expect(totals).toEqual({ buckets: rows[0]!.buckets, totalOpenCents: 700, retainageHeldCents: 9_999 });
  });
});
