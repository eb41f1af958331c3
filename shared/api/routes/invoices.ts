// The invoices routes, declared once: served by worker/src/routes/invoices.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { z } from 'zod';
import {
  ZAddChangeOrders,
  ZChangeStatus,
  ZEditLines,
  ZProjectInvoicesQuery,
  ZRecordArchitectCertificate,
  ZReleaseRetainage,
  ZUpdateGeneralInfo,
} from '../invoices';
import { ZChangeOrders, ZEditLinesResult, ZHistoryQuery, ZInvoiceHistory, ZInvoiceView, ZProjectInvoiceList } from '../invoice-views';
import { defineRoute, authErrors, body, json, params, writeErrors } from '../route-kit';

const ZIfMatch = z.object({
  // optional in the schema so that a missing one is the specific 428 of ifMatchVersion, not a 422
  'if-match': z.string().optional().describe('the invoice version being edited, e.g. 7 or "7"'),
});
const etag = { ETag: { description: 'the invoice version, "7"', schema: { type: 'string' as const } } };
const id = params('id');

export const getInvoice = defineRoute({
  method: 'get',
  path: '/invoices/{id}',
  summary: 'Invoice with every G703 column, G702, CO summary, warnings',
  request: { params: id },
  responses: { 200: { ...json(ZInvoiceView, 'The invoice'), headers: etag }, ...authErrors() },
});

export const editInvoiceLines = defineRoute({
  method: 'patch',
  path: '/invoices/{id}/lines',
  summary: 'Edit many lines at once, all or nothing',
  request: { params: id, headers: ZIfMatch, body: body(ZEditLines) },
  responses: { 200: { ...json(ZEditLinesResult, 'The recomputed lines and totals'), headers: etag }, ...writeErrors(428) },
});

export const releaseRetainage = defineRoute({
  method: 'post',
  path: '/invoices/{id}/release-retainage',
  summary: 'Release retainage on this invoice: everything held to date ({ all: true }) or per line, all or nothing',
  request: { params: id, headers: ZIfMatch, body: body(ZReleaseRetainage) },
  responses: { 200: { ...json(ZEditLinesResult, 'The recomputed lines and totals'), headers: etag }, ...writeErrors(428) },
});

export const updateGeneralInfo = defineRoute({
  method: 'patch',
  path: '/invoices/{id}',
  summary: "Edit the invoice's general information (G702 header) while it is editable",
  request: { params: id, headers: ZIfMatch, body: body(ZUpdateGeneralInfo) },
  responses: { 200: { ...json(ZInvoiceView, 'The invoice with its general information'), headers: etag }, ...writeErrors(428) },
});

export const changeInvoiceStatus = defineRoute({
  method: 'post',
  path: '/invoices/{id}/status',
  summary: 'Submit, approve, or return for revision',
  request: { params: id, body: body(ZChangeStatus) },
  responses: { 200: json(ZInvoiceView, 'The invoice in its new status'), ...writeErrors() },
});

export const recordArchitectCertificate = defineRoute({
  method: 'post',
  path: '/invoices/{id}/architect-certificate',
  summary: "Record the G702 architect's certificate (amount certified), e.g. from the owner's reply",
  request: { params: id, body: body(ZRecordArchitectCertificate) },
  responses: { 200: json(ZInvoiceView, 'The invoice with the certificate'), ...writeErrors() },
});

export const listPendingChangeOrders = defineRoute({
  method: 'get',
  path: '/invoices/{id}/pending-change-orders',
  summary: 'Approved change orders not yet on this invoice',
  request: { params: id },
  responses: { 200: json(ZChangeOrders, 'The change orders'), ...authErrors() },
});

export const addChangeOrders = defineRoute({
  method: 'post',
  path: '/invoices/{id}/change-orders',
  summary: 'Add chosen approved change orders to the editable invoice',
  request: { params: id, body: body(ZAddChangeOrders) },
  responses: { 200: json(ZInvoiceView, 'The invoice with the change orders'), ...writeErrors() },
});

export const getInvoiceHistory = defineRoute({
  method: 'get',
  path: '/invoices/{id}/history',
  summary: 'Who changed what, when (old → new)',
  request: { params: id, query: ZHistoryQuery },
  responses: { 200: json(ZInvoiceHistory, 'Revisions and cell changes, oldest first'), ...authErrors() },
});

export const listProjectInvoices = defineRoute({
  method: 'get',
  path: '/projects/{id}/invoices',
  summary: "The project's invoices the user may see, across contracts (?billingPeriodId=, ?kind=prime|commitment)",
  request: { params: id, query: ZProjectInvoicesQuery },
  responses: { 200: json(ZProjectInvoiceList, 'The invoices, by contract kind, contract number and invoice number'), ...authErrors() },
});
