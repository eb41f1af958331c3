import { describe, expect, it } from 'vitest';
import { buildContractWithInvoice, patchLines } from './builders';
import { ok } from './helpers';

// docs/billing-rules.md: line 6 is frozen on submit and frozen again when a revised invoice is
// resubmitted; the next invoice's line 7 is that frozen figure.
describe('revise & resubmit', () => {
  it('re-freezes line 6 with the revised figures, and the next invoice bills from them', async () => {
    const b = await buildContractWithInvoice(); // 10% work retainage
    const inv1 = b.invoice.invoice.id;
    await patchLines(b.token, inv1, 1, [{ itemNo: '0001', workCompletedThisPeriod: 1000 }]);
    const first = await ok(200, b.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'under_review' });
    expect(first.invoice.line6FrozenCents).toBe(90_000); // 1,000.00 − 10%
    const returned = await ok(200, b.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'revise_and_resubmit' });
    // the owner asked for the second line too: 1,000.00 more, so line 6 = 2,000.00 − 10% = 1,800.00
    await patchLines(b.token, inv1, returned.invoice.version, [{ itemNo: '0002', workCompletedThisPeriod: 1000 }]);
    const again = await ok(200, b.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'under_review' });
    expect(again.invoice.line6FrozenCents).toBe(180_000);
    await ok(200, b.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'approved' });
    const inv2 = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1] });
    expect(inv2.g702.line7PreviousCertificatesCents).toBe(180_000);
    // nothing billed yet on invoice 2: line 8 = line 6 − line 7 = 0 (with the stale 90,000 it would overpay 90,000)
    expect(inv2.g702.line8CurrentPaymentDueCents).toBe(0);
  });
});
