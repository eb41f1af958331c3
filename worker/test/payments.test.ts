// Payments against an invoice through the real worker: partial, full and over-payments with their
// flags and states, voids, the invoice view's and the project list's payment figures, and refusals.
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { buildContractWithInvoice } from './builders';
import { api, joinByInvitation, ok, seedUser } from './helpers';
import { billAndApprove, payment, setSubmittedOn, todayUtc } from './payment-builders';

describe('payments on an invoice', () => {
  it('records partial, full and over-payments with flags and states; a void gives the balance back', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 }); // 10% work retainage
    const id = b.invoice.invoice.id;
    await billAndApprove(b.token, id, b.lineIds[0]!, 6_000);
    // $6,000.00 billed less 10% retainage = line 6 $5,400.00; the first invoice: line 8 = 540,000 cents
    const view = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`);
    expect(view.g702.line8CurrentPaymentDueCents).toBe(540_000);
    const due = addDays(todayUtc(), 30); // submitted today, default terms 30 days

    const none = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/payments`);
    expect(none).toMatchObject({ amountDueCents: 540_000, paidCents: 0, openCents: 540_000, state: 'not_due', dueOn: due, daysPastDue: 0, canRecord: true });

    const p1 = await ok(201, b.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(200_000, { reference: '10233', note: 'first cheque' }));
    expect(p1).toMatchObject({ paidCents: 200_000, openCents: 340_000, overpaidCents: 0, state: 'partial' });
    expect(p1.payments).toMatchObject([
      { amountCents: 200_000, method: 'check', reference: '10233', note: 'first cheque', flag: 'partial', voided: null, recordedBy: { name: 'Ana Ruiz' } },
    ]);

    const p2 = await ok(201, b.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(340_000, { method: 'wire' }));
    expect(p2).toMatchObject({ paidCents: 540_000, openCents: 0, state: 'paid' });
    expect(p2.payments.map((p: any) => p.flag)).toEqual(['partial', 'full']);

    const p3 = await ok(201, b.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(10_000, { method: 'ach' }));
    expect(p3).toMatchObject({ paidCents: 550_000, openCents: 0, overpaidCents: 10_000, state: 'overpaid' });
    expect(p3.payments.map((p: any) => p.flag)).toEqual(['partial', 'full', 'over']);

    // voiding the over-payment: paid again exactly
    const [first, , over] = p3.payments;
    const v1 = await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/payments/${over.id}/void`, { reason: 'entered twice' });
    expect(v1).toMatchObject({ paidCents: 540_000, openCents: 0, overpaidCents: 0, state: 'paid' });
    expect(v1.payments[2].voided).toMatchObject({ reason: 'entered twice', by: { name: 'Ana Ruiz' } });
    // voiding the first: 340,000 paid of 540,000, 200,000 open again; the second is now a partial payment
    const v2 = await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/payments/${first.id}/void`, { reason: 'bounced' });
    expect(v2).toMatchObject({ paidCents: 340_000, openCents: 200_000, state: 'partial' });
    expect(v2.payments.map((p: any) => [p.flag, p.voided !== null])).toEqual([
      ['partial', true],
      ['partial', false],
      ['partial', true],
    ]);

    // the invoice view, the project's and the contract's invoice lists show the same figures
    const summary = { paidCents: 340_000, openCents: 200_000, state: 'partial', dueOn: due, daysPastDue: 0 };
    expect((await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`)).payment).toEqual(summary);
    const list = await ok(200, b.token, 'GET', `/api/v1/projects/${b.projectId}/invoices`);
    expect(list.invoices.find((i: any) => i.id === id).payment).toEqual(summary);
    const contractList = await ok(200, b.token, 'GET', `/api/v1/contracts/${b.contractId}/invoices`);
    expect(contractList.invoices.find((i: any) => i.id === id).payment).toEqual(summary);

    // a void is once; a payment is only reachable through its own invoice
    const again = await api(b.token, 'POST', `/api/v1/invoices/${id}/payments/${first.id}/void`, { reason: 'again' });
    expect(again.status).toBe(409);
    const inv2 = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1] });
    const wrong = await api(b.token, 'POST', `/api/v1/invoices/${inv2.invoice.id}/payments/${first.id}/void`, { reason: 'x' });
    expect(wrong.status).toBe(404);
  });

  it('is late once past the due date: unpaid, then days past due on the open balance', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 });
    const id = b.invoice.invoice.id;
    await billAndApprove(b.token, id, b.lineIds[0]!, 1_000);
    // submitted 40 days ago, due 30 days after: 10 days past due today
    await setSubmittedOn(id, addDays(todayUtc(), -40));
    expect(await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/payments`)).toMatchObject({ state: 'unpaid', daysPastDue: 10, openCents: 90_000 });
    expect((await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`)).payment).toMatchObject({ state: 'unpaid', daysPastDue: 10 });
    await ok(201, b.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(90_000));
    // paid in full: no longer late
    expect((await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`)).payment).toMatchObject({ state: 'paid', daysPastDue: 0, openCents: 0 });
  });

  it('refuses drafts, invoices not yet approved, bad amounts and dates, naming the field', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 });
    const id = b.invoice.invoice.id;
    const post = (body: unknown, token = b.token) => api(token, 'POST', `/api/v1/invoices/${id}/payments`, body);

    const draft = await post(payment(1_000));
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toBe('Invoice #1 is draft: payments are recorded on approved invoices only');
    await billAndApprove(b.token, id, b.lineIds[0]!, 1_000, false);
    const review = await post(payment(1_000));
    expect([review.status, review.body.error.message]).toEqual([409, 'Invoice #1 is under_review: payments are recorded on approved invoices only']);
    await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'approved' });

    const fieldOf = async (body: unknown) => {
      const r = await post(body);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      return r.body.error.details.map((d: any) => `${d.field}:${d.code}`);
    };
    expect(await fieldOf(payment(0))).toEqual(['amountCents:CUSTOM']);
    expect(await fieldOf(payment(-500))).toEqual(['amountCents:CUSTOM']);
    expect(await fieldOf(payment(12.5))).toEqual(['amountCents:INVALID_TYPE']);
    expect(await fieldOf(payment(1_000_000_000_001))).toEqual(['amountCents:CUSTOM']);
    expect(await fieldOf(payment(1_000, { method: 'bitcoin' }))).toEqual(['method:INVALID_VALUE']);
    expect(await fieldOf(payment(1_000, { reference: 'x'.repeat(101) }))).toEqual(['reference:TOO_BIG']);
    expect(await fieldOf(payment(1_000, { receivedOn: '2026-02-30' }))).toEqual(['receivedOn:CUSTOM']);
    // "today" is the latest date anywhere (UTC+14), so a user east of UTC can date a payment today;
    // two days after UTC's date is after today everywhere
    expect(await fieldOf(payment(1_000, { receivedOn: addDays(todayUtc(), 2) }))).toEqual(['receivedOn:IN_THE_FUTURE']);
    // submitted today (UTC): the day before is accepted (a western evening), two days before is not
    expect(await fieldOf(payment(1_000, { receivedOn: addDays(todayUtc(), -2) }))).toEqual(['receivedOn:BEFORE_SUBMISSION']);
    // nothing was written by any refusal
    expect((await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/payments`)).payments).toEqual([]);
  });

  it('lets readers see payments, only tool admins record or void them, and hides the invoice from others', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 });
    const id = b.invoice.invoice.id;
    await billAndApprove(b.token, id, b.lineIds[0]!, 1_000);
    const recorded = await ok(201, b.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(5_000));
    const paymentId = recorded.payments[0].id;

    const reader = await seedUser({ name: 'Reader' });
    await joinByInvitation(b.token, b.projectId, reader, { primeContracts: 'standard' });
    const seen = await ok(200, reader.token, 'GET', `/api/v1/invoices/${id}/payments`);
    expect(seen).toMatchObject({
      paidCents: 5_000,
      canRecord: false,
      cannotRecordReason: 'Recording payments needs admin on Prime Contracts',
      suggestions: [],
    });
    expect((await api(reader.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(1_000))).status).toBe(403);
    expect((await api(reader.token, 'POST', `/api/v1/invoices/${id}/payments/${paymentId}/void`, { reason: 'x' })).status).toBe(403);

    // a member without the prime tool, and a user of another company: the invoice does not exist for them
    const noTool = await seedUser({ name: 'Subs only' });
    await joinByInvitation(b.token, b.projectId, noTool, { primeContracts: 'none', commitments: 'admin' });
    const stranger = await seedUser({ name: 'Stranger' });
    for (const who of [noTool, stranger]) {
      for (const [method, path, body] of [
        ['GET', `/api/v1/invoices/${id}/payments`, undefined],
        ['POST', `/api/v1/invoices/${id}/payments`, payment(1_000)],
        ['POST', `/api/v1/invoices/${id}/payments/${paymentId}/void`, { reason: 'x' }],
      ] as const) {
        const r = await api(who.token, method, path, body);
        expect([r.status, r.body.error.message], `${method} ${path}`).toEqual([404, 'Invoice not found']);
      }
    }
    expect((await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/payments`)).paidCents).toBe(5_000);
  });
});
