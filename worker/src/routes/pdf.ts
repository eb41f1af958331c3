import { Hono, type Context } from 'hono';
import { ZBackupPartQuery, ZInvoicePdfQuery } from '@shared/api/backups';
import type { AppBindings, ServiceCtx } from '../context';
import { describe } from '../lib/openapi';
import { readQuery } from '../lib/validate';
import { pdfHeaders } from '../pdf/content-disposition';
import { downloadInvoiceBackup } from '../services/backups/download-invoice-backup';
import { createPdfLink } from '../services/pdf/create-pdf-link';
import { getInvoicePdf } from '../services/pdf/get-invoice-pdf';
import { verifySignedPath } from '../services/pdf/signed-links';
import { serviceCtxFor } from '../lib/service-ctx';

export const pdfRoutes = new Hono<AppBindings>();

const isDownload = (flag: string | undefined) => flag === '1' || flag === 'true';

async function invoicePdf(c: Context<AppBindings>, ctx: ServiceCtx): Promise<Response> {
  const q = readQuery(c, ZInvoicePdfQuery);
  const pdf = await getInvoicePdf({ ctx, input: { invoiceId: c.req.param('id')!, locale: q.locale } });
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { ...pdfHeaders(pdf.fileName, isDownload(q.download), pdf.bytes.byteLength), 'content-language': pdf.locale } });
}

async function backupPart(c: Context<AppBindings>, ctx: ServiceCtx): Promise<Response> {
  const q = readQuery(c, ZBackupPartQuery);
  const file = await downloadInvoiceBackup({ ctx, input: { jobId: c.req.param('jobId')!, partNo: q.part } });
  return new Response(file.body as unknown as ReadableStream, { headers: pdfHeaders(file.fileName, true, file.sizeBytes) });
}

describe({ method: 'get', path: '/api/v1/invoices/:id/pdf', summary: 'The invoice as a PDF: G702 page and G703 continuation pages', query: ZInvoicePdfQuery });
pdfRoutes.get('/invoices/:id/pdf', (c) => invoicePdf(c, c.get('ctx')));

describe({ method: 'post', path: '/api/v1/invoices/:id/pdf-link', summary: 'A 5-minute signed URL of the invoice PDF (opens without a bearer token)', query: ZInvoicePdfQuery });
pdfRoutes.post('/invoices/:id/pdf-link', async (c) => {
  const q = readQuery(c, ZInvoicePdfQuery);
  const origin = new URL(c.req.url).origin;
  return c.json(await createPdfLink({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), locale: q.locale, isDownload: isDownload(q.download), origin } }));
});

describe({ method: 'get', path: '/api/v1/invoice-backups/:jobId/download', summary: 'Download a compiled backup part (?part=N, default 1)', query: ZBackupPartQuery });
pdfRoutes.get('/invoice-backups/:jobId/download', (c) => backupPart(c, c.get('ctx')));

/**
 * The same two downloads reached through a signed link (?uid=&exp=&sig=) instead of a bearer
 * token. Mounted before the authenticated API: without `sig` the request goes on to it unchanged.
 */
export const signedDownloadRoutes = new Hono<AppBindings>();

async function signedCtx(c: Context<AppBindings>): Promise<ServiceCtx> {
  const path = new URL(c.req.url).pathname;
  const userId = await verifySignedPath(c.env, path, { uid: c.req.query('uid'), exp: c.req.query('exp'), sig: c.req.query('sig') });
  return serviceCtxFor(c.env, userId, { requestId: c.get('requestId'), waitUntil: (p) => c.executionCtx.waitUntil(p) });
}

signedDownloadRoutes.use('/invoices/:id/pdf', async (c, next) => {
  if (c.req.method !== 'GET' || c.req.query('sig') === undefined) return next();
  return invoicePdf(c, await signedCtx(c));
});

signedDownloadRoutes.use('/invoice-backups/:jobId/download', async (c, next) => {
  if (c.req.method !== 'GET' || c.req.query('sig') === undefined) return next();
  return backupPart(c, await signedCtx(c));
});
