import { describe, expect, it } from 'vitest';
import { contractLabels } from './labels';
import { whyNoNextInvoice } from './new-invoice-form';

const L = contractLabels('en');
const contract = (over: { kind?: 'prime' | 'commitment'; status?: 'draft' | 'approved' | 'complete'; isToolAdmin?: boolean; isInvoiceContact?: boolean }) =>
  ({
    kind: over.kind ?? 'prime',
    status: over.status ?? 'approved',
    myAccess: { level: 'admin', isToolAdmin: over.isToolAdmin ?? true, isInvoiceContact: over.isInvoiceContact ?? false },
  }) as Parameters<typeof whyNoNextInvoice>[0];

describe('why the next invoice cannot be created yet (the checks of create-invoice.ts)', () => {
  it('nothing stops an admin on an approved contract whose latest invoice is submitted', () => {
    expect(whyNoNextInvoice(contract({}), [{ number: 1, status: 'approved' }], L)).toBeNull();
    expect(whyNoNextInvoice(contract({ status: 'complete' }), [], L)).toBeNull();
  });

  it('says which: not an admin, not approved, the latest still being edited', () => {
    expect(whyNoNextInvoice(contract({ isToolAdmin: false, isInvoiceContact: true }), [], L)).toBe(L.needsAdmin);
    expect(whyNoNextInvoice(contract({ status: 'draft' }), [], L)).toBe(L.notApproved);
    expect(
      whyNoNextInvoice(
        contract({}),
        [
          { number: 1, status: 'approved' },
          { number: 2, status: 'revise_and_resubmit' },
        ],
        L,
      ),
    ).toBe(L.latestOpen(2));
    expect(whyNoNextInvoice(contract({}), [{ number: 1, status: 'draft' }], L)).toBe(L.latestOpen(1));
  });

  it("a subcontractor's invoice contact may create the commitment's invoices", () => {
    expect(whyNoNextInvoice(contract({ kind: 'commitment', isToolAdmin: false, isInvoiceContact: true }), [], L)).toBeNull();
  });
});
