import type { Context } from 'hono';
import type { AppBindings, ServiceCtx } from '../context';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/lien-waivers';
import { pdfHeaders } from '../pdf/pdf-headers';
import { createLienWaiver } from '../services/lien-waivers/create-lien-waiver';
import { createLienWaiverPdfLink, getLienWaiverPdf } from '../services/lien-waivers/get-lien-waiver-pdf';
import { listLienWaiverEvents } from '../services/lien-waivers/list-lien-waiver-events';
import { listLienWaiverWarnings } from '../services/lien-waivers/list-lien-waiver-warnings';
import { listLienWaivers } from '../services/lien-waivers/list-lien-waivers';
import { recordReceivedWaiver } from '../services/lien-waivers/record-received-waiver';
import { signLienWaiver } from '../services/lien-waivers/sign-lien-waiver';
import { voidLienWaiver } from '../services/lien-waivers/void-lien-waiver';

/** The waiver's PDF, for the bearer token's user or a signed link's (worker/src/routes/pdf.ts signedDownloadRoutes). */
export async function lienWaiverPdf(c: Context<AppBindings>, ctx: ServiceCtx): Promise<Response> {
  const pdf = await getLienWaiverPdf({ ctx, input: { waiverId: c.req.param('waiverId')! } });
  // a received waiver is the subcontractor's upload (a PDF or a scan): its own type, never run as a page
  const headers = {
    ...pdfHeaders(pdf.fileName, false, pdf.sizeBytes),
    'content-type': pdf.contentType,
    'content-security-policy': "sandbox; default-src 'none'",
  };
  return new Response(pdf.body as Uint8Array<ArrayBuffer>, { headers });
}

export const lienWaiverRoutes = routes()
  .openapi(def.listLienWaivers, async (c) => c.json(await listLienWaivers({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } }), 200))
  .openapi(def.createLienWaiver, async (c) =>
    c.json(await createLienWaiver({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.signLienWaiver, async (c) => {
    // the signer's address and browser, for the audit trail (Cloudflare sets cf-connecting-ip)
    const request = { ip: c.req.header('cf-connecting-ip') ?? '', userAgent: c.req.header('user-agent') ?? '' };
    return c.json(await signLienWaiver({ ctx: c.get('ctx'), input: { waiverId: c.req.valid('param').waiverId, body: c.req.valid('json'), request } }), 200);
  })
  .openapi(def.voidLienWaiver, async (c) =>
    c.json(await voidLienWaiver({ ctx: c.get('ctx'), input: { waiverId: c.req.valid('param').waiverId, reason: c.req.valid('json').reason } }), 200),
  )
  .openapi(def.getLienWaiverPdf, (c) => lienWaiverPdf(c, c.get('ctx')))
  .openapi(def.createLienWaiverPdfLink, async (c) =>
    c.json(await createLienWaiverPdfLink({ ctx: c.get('ctx'), input: { waiverId: c.req.valid('param').waiverId, origin: new URL(c.req.url).origin } }), 200),
  )
  .openapi(def.listLienWaiverEvents, async (c) =>
    c.json(await listLienWaiverEvents({ ctx: c.get('ctx'), input: { waiverId: c.req.valid('param').waiverId } }), 200),
  )
  .openapi(def.recordReceivedWaiver, async (c) =>
    c.json(await recordReceivedWaiver({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.listLienWaiverWarnings, async (c) =>
    c.json(await listLienWaiverWarnings({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200),
  );
