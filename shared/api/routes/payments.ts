// The payments and aging routes, declared once: served by worker/src/routes/payments.ts, called
// through shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZAging, ZAgingQuery, ZInvoicePayments, ZRecordPayment, ZVoidPayment } from '../payments';
import { authErrors, body, defineRoute, json, params, writeErrors } from '../route-kit';

export const listInvoicePayments = defineRoute({
  method: 'get',
  path: '/invoices/{id}/payments',
  summary: "The invoice's payments, paid and open balance, days past due, and payment notices to confirm",
  request: { params: params('id') },
  responses: { 200: json(ZInvoicePayments, 'The payments and balances'), ...authErrors() },
});

export const recordPayment = defineRoute({
  method: 'post',
  path: '/invoices/{id}/payments',
  summary: 'Record a payment received on an approved invoice (admin on the contract’s tool)',
  request: { params: params('id'), body: body(ZRecordPayment) },
  responses: { 201: json(ZInvoicePayments, 'The payments with the new one'), ...writeErrors() },
});

export const voidPayment = defineRoute({
  method: 'post',
  path: '/invoices/{id}/payments/{paymentId}/void',
  summary: 'Void a payment recorded by mistake (kept in the ledger, no longer counted)',
  request: { params: params('id', 'paymentId'), body: body(ZVoidPayment) },
  responses: { 200: json(ZInvoicePayments, 'The payments after the void'), ...writeErrors() },
});

export const getProjectAging = defineRoute({
  method: 'get',
  path: '/projects/{id}/aging',
  summary: 'Open balances by contract in aging buckets (current, 1–30, 31–60, 61–90, 90+ days past due), retainage held apart',
  request: { params: params('id'), query: ZAgingQuery },
  responses: { 200: json(ZAging, 'The aging by contract with totals'), ...authErrors() },
});
