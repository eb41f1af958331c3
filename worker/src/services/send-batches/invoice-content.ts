import { eq } from 'drizzle-orm';
import { emailLabels } from '@shared/i18n/email-labels';
import type { ServiceCtx } from '../../context';
import { projects } from '../../db/schema';
import { bytesToBase64 } from '../../email/base64';
import { renderInvoiceHtml, renderInvoiceText } from '../../email/render-invoice';
import type { Env } from '../../env';
import { AppError } from '../../lib/app-error';
import { getInvoice } from '../invoices/get-invoice';
import { signedWaiverFiles } from '../lien-waivers/email-waivers';
import { getInvoicePdf } from '../pdf/get-invoice-pdf';
import type { SendBatch } from './batch-access';

/** A signed lien waiver the invoice's messages carry: the attachment row's file, kept in R2 at r2Key. */
export type WaiverFile = { waiverId: string; attachmentId: string; fileName: string; contentType: string; sizeBytes: number; r2Key: string };

/** One invoice's message as every recipient of the batch gets it (nothing in it is per recipient). */
export type InvoiceContent = {
  html: string;
  text: string;
  pdf: { fileName: string; bytes: Uint8Array; base64: string } | null;
  /** the invoice's signed waivers, as a single send attaches them (services/lien-waivers/email-waivers.ts) */
  waivers: Array<WaiverFile & { base64: string }>;
};

type BatchKeyed = Pick<SendBatch, 'projectId' | 'id'>;
const base = (b: BatchKeyed) => `projects/${b.projectId}/send-batches/${b.id}`;
/** { html, text }, the format of the email module's outbound bodies, so the outbox and the Emails tab read it the same way */
export const bodyKey = (b: BatchKeyed, invoiceId: string) => `${base(b)}/bodies/${invoiceId}.json`;
const pdfKey = (b: BatchKeyed, invoiceId: string) => `${base(b)}/pdf/${invoiceId}.pdf`;
/** WaiverFile[]: which waivers this batch's messages of the invoice carry, fixed when its first message goes out */
const waiversKey = (b: BatchKeyed, invoiceId: string) => `${base(b)}/waivers/${invoiceId}.json`;

/** The waivers' PDFs from R2. A signed waiver's file is never replaced, so the stored list's files are the ones sent. */
async function withBytes(env: Env, files: WaiverFile[]): Promise<InvoiceContent['waivers']> {
  return Promise.all(
    files.map(async (f) => {
      const obj = await env.FILES.get(f.r2Key);
      if (!obj) throw new AppError('NOT_FOUND', `The signed lien waiver ${f.fileName} is missing from storage`);
      return { ...f, base64: bytesToBase64(new Uint8Array(await obj.arrayBuffer())) };
    }),
  );
}

/**
 * Renders the invoice email (the email module's renderer: G702 + G703, localized) as the batch's sender
 * sees the invoice now, with the PDF (worker/src/pdf) when the batch attaches it and the invoice's
 * signed lien waivers (always, as a single send). `ctx` acts as the batch's creator: an invoice they
 * can no longer see fails with NOT_FOUND.
 */
export async function renderInvoiceContent(ctx: ServiceCtx, batch: SendBatch, invoiceId: string): Promise<InvoiceContent> {
  const view = await getInvoice({ ctx, input: { invoiceId } });
  const [project] = await ctx.db.select({ name: projects.name }).from(projects).where(eq(projects.id, batch.projectId)).limit(1);
  const pdf = batch.attachPdf ? await getInvoicePdf({ ctx, input: { invoiceId, locale: batch.locale } }) : null;
  const signed = await signedWaiverFiles(ctx, invoiceId, []);
  const waivers = await withBytes(
    ctx.env,
    signed.waivers.map((w) => ({ waiverId: w.waiverId, ...w.file })),
  );
  const rendering = {
    view,
    projectName: project?.name ?? '',
    senderName: ctx.user.name,
    message: batch.message,
    labels: emailLabels(batch.locale),
    pdfUrl: `${ctx.env.PUBLIC_URL.replace(/\/$/, '')}/api/v1/invoices/${invoiceId}/pdf`,
    attachmentNames: [...(pdf ? [pdf.fileName] : []), ...waivers.map((w) => w.fileName)],
  };
  return {
    html: renderInvoiceHtml(rendering),
    text: renderInvoiceText(rendering),
    pdf: pdf ? { fileName: pdf.fileName, bytes: pdf.bytes, base64: bytesToBase64(pdf.bytes) } : null,
    waivers,
  };
}

const fileOnly = ({ base64: _, ...f }: WaiverFile & { base64: string }): WaiverFile => f;

/**
 * The content every message of this invoice in this batch carries: rendered when the invoice's
 * first message goes out and kept in R2, so all its recipients (and a resumed batch) get the same
 * figures and files, and each sent message's stored body is that object. The body is written
 * last: once it is there, the PDF and the waiver list are too.
 */
export async function storedInvoiceContent(ctx: ServiceCtx, batch: SendBatch, invoiceId: string): Promise<InvoiceContent> {
  const [body, pdf, list] = await Promise.all([
    ctx.env.FILES.get(bodyKey(batch, invoiceId)),
    batch.attachPdf ? ctx.env.FILES.get(pdfKey(batch, invoiceId)) : null,
    ctx.env.FILES.get(waiversKey(batch, invoiceId)),
  ]);
  // A batch whose content was stored before waiver lists were (an older deploy) has a body and no
  // list: it keeps that content with no waivers rather than being rendered again mid-batch.
  if (body && (!batch.attachPdf || pdf)) {
    const { html, text } = (await body.json()) as { html: string; text: string };
    const bytes = pdf ? new Uint8Array(await pdf.arrayBuffer()) : null;
    const fileName = pdf?.customMetadata?.fileName ?? 'Invoice.pdf';
    const waivers = list ? await withBytes(ctx.env, (await list.json()) as WaiverFile[]) : [];
    return { html, text, pdf: bytes ? { fileName, bytes, base64: bytesToBase64(bytes) } : null, waivers };
  }
  const content = await renderInvoiceContent(ctx, batch, invoiceId);
  await ctx.env.FILES.put(waiversKey(batch, invoiceId), JSON.stringify(content.waivers.map(fileOnly)), {
    httpMetadata: { contentType: 'application/json' },
  });
  if (content.pdf) {
    await ctx.env.FILES.put(pdfKey(batch, invoiceId), content.pdf.bytes, {
      httpMetadata: { contentType: 'application/pdf' },
      customMetadata: { fileName: content.pdf.fileName },
    });
  }
  await ctx.env.FILES.put(bodyKey(batch, invoiceId), JSON.stringify({ html: content.html, text: content.text }), {
    httpMetadata: { contentType: 'application/json' },
  });
  return content;
}

/** The waivers the batch's messages of this invoice carried (for a claim settled by reconcile-claims.ts); none if never stored. */
export async function storedWaiverIds(env: Env, batch: BatchKeyed, invoiceId: string): Promise<string[]> {
  const list = await env.FILES.get(waiversKey(batch, invoiceId));
  return list ? ((await list.json()) as WaiverFile[]).map((w) => w.waiverId) : [];
}
