// The pdf routes, declared once: served by worker/src/routes/pdf.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZBackupPartQuery, ZInvoicePdfQuery } from '../backups';
import { ZSignedLink } from '../backup-views';
import { defineRoute, authErrors, file, json, params, writeErrors } from '../route-kit';

/** The signed-link alternative to the bearer token, documented on both downloads. */
const ZSignedQuery = {
  uid: { type: 'string' as const, description: 'signed link: the user' },
  exp: { type: 'string' as const, description: 'signed link: expiry (epoch seconds)' },
  sig: { type: 'string' as const, description: 'signed link: signature; with it no bearer token is needed' },
};
export const signedParams = Object.entries(ZSignedQuery).map(([name, schema]) => ({ name, in: 'query' as const, required: false, schema }));

export const getInvoicePdf = defineRoute({
  method: 'get',
  path: '/invoices/{id}/pdf',
  summary: 'The invoice as a PDF: G702 page and G703 continuation pages (bearer token or signed link)',
  request: { params: params('id'), query: ZInvoicePdfQuery },
  parameters: signedParams,
  responses: { 200: file('application/pdf', 'The PDF'), ...authErrors() },
});

export const createPdfLink = defineRoute({
  method: 'post',
  path: '/invoices/{id}/pdf-link',
  summary: 'A 5-minute signed URL of the invoice PDF (opens without a bearer token)',
  request: { params: params('id'), query: ZInvoicePdfQuery },
  responses: { 200: json(ZSignedLink, 'The signed URL'), ...writeErrors() },
});

export const downloadInvoiceBackup = defineRoute({
  method: 'get',
  path: '/invoice-backups/{jobId}/download',
  summary: 'Download a compiled backup part (?part=N, default 1; bearer token or signed link)',
  request: { params: params('jobId'), query: ZBackupPartQuery },
  parameters: signedParams,
  responses: { 200: file('application/pdf', 'The part'), ...authErrors() },
});
