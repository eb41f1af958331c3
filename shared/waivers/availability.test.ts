import { describe, expect, it } from 'vitest';
import { availableWaivers, formForJurisdiction, isFinalInvoice, type InvoiceFacts } from './availability';

const base: InvoiceFacts = {
  contractKind: 'prime',
  invoiceKind: 'progress',
  invoiceNumber: 2,
  line3ContractSumToDateCents: 100_000_00,
  line4TotalCompletedAndStoredCents: 40_000_00,
  line8CurrentPaymentDueCents: 18_000_00,
  periodEnd: '2026-02-28',
  payments: [],
  existing: [],
};

const byType = (list: ReturnType<typeof availableWaivers>, type: string) => list.filter((a) => a.type === type);

describe('availableWaivers', () => {
  it('offers the conditional progress waiver for line 8 and refuses the rest with their reasons', () => {
    const list = availableWaivers(base, 'us-ca');
    expect(byType(list, 'conditional_progress')).toEqual([
      { type: 'conditional_progress', form: 'us-ca', amountCents: 18_000_00, paymentId: null, receivedOn: null, why: null, reason: null },
    ]);
    expect(byType(list, 'unconditional_progress')[0]!.reason).toMatch(/No payment is recorded/);
    expect(byType(list, 'conditional_final')[0]!.reason).toMatch(/Invoice #2 does not bill the contract to 100%/);
    expect(byType(list, 'unconditional_final')[0]!.reason).toMatch(/not the final payment/);
  });

  it('offers one unconditional progress waiver per live payment, for its amount; voided payments are skipped', () => {
    const payments = [
      { id: 'p1', amountCents: 10_000_00, receivedOn: '2026-03-10', isVoided: false },
      { id: 'p2', amountCents: 5_000_00, receivedOn: '2026-03-12', isVoided: true },
      { id: 'p3', amountCents: 8_000_00, receivedOn: '2026-03-20', isVoided: false },
    ];
    const list = byType(
      availableWaivers({ ...base, payments, existing: [{ type: 'unconditional_progress', paymentId: 'p1', status: 'signed' }] }, 'generic'),
      'unconditional_progress',
    );
    expect(list.map((a) => [a.paymentId, a.amountCents, a.reason === null])).toEqual([
      ['p1', 10_000_00, false],
      ['p3', 8_000_00, true],
    ]);
    expect(list[0]!.reason).toMatch(/already exists \(signed\)/);
  });

  it('an invoice billing the contract to 100% or a retainage release is final; line 8 ≤ 0 has nothing to waive', () => {
    expect(isFinalInvoice({ ...base, line4TotalCompletedAndStoredCents: 100_000_00 })).toBe(true);
    expect(isFinalInvoice({ ...base, invoiceKind: 'retainage_release' })).toBe(true);
    expect(isFinalInvoice(base)).toBe(false);
    const release = availableWaivers({ ...base, invoiceKind: 'retainage_release', line8CurrentPaymentDueCents: 5_000_00 }, 'us-tx');
    expect(byType(release, 'conditional_final')[0]).toMatchObject({ amountCents: 5_000_00, reason: null });
    expect(byType(release, 'conditional_progress')[0]!.reason).toMatch(/retainage-release invoice is the final payment/);
    const zero = availableWaivers({ ...base, line8CurrentPaymentDueCents: 0 }, 'generic');
    expect(byType(zero, 'conditional_progress')[0]!.reason).toBe('Line 8 (current payment due) is $0.00: there is no payment to waive');
  });

  it("a subcontractor invoice's waivers are recorded as received, never generated", () => {
    const list = availableWaivers({ ...base, contractKind: 'commitment' }, 'generic');
    expect(list).toHaveLength(4);
    for (const a of list) expect(a.reason).toMatch(/record the one received/);
  });

  it('a Florida project gets no waiver generated: its statutory forms are not carried, and a generic one is not what the law asks', () => {
    const list = availableWaivers(
      { ...base, jurisdiction: 'US-FL', payments: [{ id: 'p1', amountCents: 1, receivedOn: '2026-03-01', isVoided: false }] },
      'generic',
    );
    expect(list.map((a) => a.type)).toEqual(['conditional_progress', 'unconditional_progress', 'conditional_final', 'unconditional_final']);
    for (const a of list) expect(a.reason).toMatch(/^Florida prescribes its own waiver forms \(Fla\. Stat\. § 713\.20/);
    expect(availableWaivers({ ...base, jurisdiction: 'US-NY' }, 'generic')[0]!.reason).toBeNull();
  });

  it('California and Texas projects get their statutory form; others the generic one', () => {
    expect(formForJurisdiction('US-CA')).toBe('us-ca');
    expect(formForJurisdiction('US-TX')).toBe('us-tx');
    expect(formForJurisdiction('US-NY')).toBe('generic');
    expect(formForJurisdiction(null)).toBe('generic');
  });
});
