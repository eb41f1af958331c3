import { Hono, type Context } from 'hono';
import { ZBackupPartQuery, ZInvoicePdfQuery } from '@shared/api/backups';
import type { AppBindings, ServiceCtx } from '../context';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/pdf';
import { parseWith } from '../lib/validate';
import { pdfHeaders } from '../pdf/pdf-headers';
import { downloadInvoiceBackup } from '../services/backups/download-invoice-backup';
import { createPdfLink } from '../services/pdf/create-pdf-link';
import { getInvoicePdf } from '../services/pdf/get-invoice-pdf';
import { verifySignedPath } from '../services/pdf/signed-links';
import { serviceCtxFor } from '../lib/service-ctx';
import { lienWaiverPdf } from './lien-waivers';

const isDownload = (flag: string | undefined) => flag === '1' || flag === 'true';

async function invoicePdf(c: Context<AppBindings>, ctx: ServiceCtx): Promise<Response> {
  const q = parseWith(ZInvoicePdfQuery, c.req.query(), 'Query');
  const pdf = await getInvoicePdf({ ctx, input: { invoiceId: c.req.param('id')!, locale: q.locale } });
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...pdfHeaders(pdf.fileName, isDownload(q.download), pdf.bytes.byteLength), 'content-language': pdf.locale },
  });
}

async function backupPart(c: Context<AppBindings>, ctx: ServiceCtx): Promise<Response> {
  const q = parseWith(ZBackupPartQuery, c.req.query(), 'Query');
  const out = await downloadInvoiceBackup({ ctx, input: { jobId: c.req.param('jobId')!, partNo: q.part } });
  return new Response(out.body as unknown as ReadableStream, { headers: pdfHeaders(out.fileName, true, out.sizeBytes) });
}

export const pdfRoutes = routes()
  .openapi(def.getInvoicePdf, (c) => invoicePdf(c, c.get('ctx')))
  .openapi(def.createPdfLink, async (c) => {
    const q = c.req.valid('query');
    const input = { invoiceId: c.req.valid('param').id, locale: q.locale, isDownload: isDownload(q.download), origin: new URL(c.req.url).origin };
    return c.json(await createPdfLink({ ctx: c.get('ctx'), input }), 200);
  })
  .openapi(def.downloadInvoiceBackup, (c) => backupPart(c, c.get('ctx')));

/**
 * The same two downloads reached through a signed link (?uid=&exp=&sig=) instead of a bearer
 * token. Mounted before the authenticated API: without `sig` the request goes on to it unchanged.
 * Documented with the routes above (their `uid`, `exp`, `sig` parameters).
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

signedDownloadRoutes.use('/lien-waivers/:waiverId/pdf', async (c, next) => {
  if (c.req.method !== 'GET' || c.req.query('sig') === undefined) return next();
  return lienWaiverPdf(c, await signedCtx(c));
});
