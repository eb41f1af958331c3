import { eq } from 'drizzle-orm';
import { emailLabels } from '@shared/i18n/email-labels';
import type { ServiceCtx } from '../../context';
import { projects } from '../../db/schema';
import { bytesToBase64 } from '../../email/base64';
import { renderInvoiceHtml, renderInvoiceText } from '../../email/render-invoice';
import { getInvoice } from '../invoices/get-invoice';
import { getInvoicePdf } from '../pdf/get-invoice-pdf';
import type { SendBatch } from './batch-access';

/** One invoice's message as every recipient of the batch gets it (nothing in it is per recipient). */
export type InvoiceContent = { html: string; text: string; pdf: { fileName: string; bytes: Uint8Array; base64: string } | null };

const base = (b: Pick<SendBatch, 'projectId' | 'id'>) => `projects/${b.projectId}/send-batches/${b.id}`;
/** { html, text }, the format of the email module's outbound bodies, so the outbox and the Emails tab read it the same way */
export const bodyKey = (b: Pick<SendBatch, 'projectId' | 'id'>, invoiceId: string) => `${base(b)}/bodies/${invoiceId}.json`;
const pdfKey = (b: Pick<SendBatch, 'projectId' | 'id'>, invoiceId: string) => `${base(b)}/pdf/${invoiceId}.pdf`;

/**
 * Renders the invoice email (the email module's renderer: G702 + G703, localized) as the batch's sender
 * sees the invoice now, with the PDF (worker/src/pdf) when the batch attaches it. `ctx` acts as
 * the batch's creator: an invoice they can no longer see fails with NOT_FOUND.
 */
export async function renderInvoiceContent(ctx: ServiceCtx, batch: SendBatch, invoiceId: string): Promise<InvoiceContent> {
  const view = await getInvoice({ ctx, input: { invoiceId } });
  const [project] = await ctx.db.select({ name: projects.name }).from(projects).where(eq(projects.id, batch.projectId)).limit(1);
  const pdf = batch.attachPdf ? await getInvoicePdf({ ctx, input: { invoiceId, locale: batch.locale } }) : null;
  const rendering = {
    view,
    projectName: project?.name ?? '',
    senderName: ctx.user.name,
    message: batch.message,
    labels: emailLabels(batch.locale),
    pdfUrl: `${ctx.env.PUBLIC_URL.replace(/\/$/, '')}/api/v1/invoices/${invoiceId}/pdf`,
    attachmentNames: pdf ? [pdf.fileName] : [],
  };
  return {
    html: renderInvoiceHtml(rendering),
    text: renderInvoiceText(rendering),
    pdf: pdf ? { fileName: pdf.fileName, bytes: pdf.bytes, base64: bytesToBase64(pdf.bytes) } : null,
  };
}

/**
 * The content every message of this invoice in this batch carries: rendered when the invoice's
 * first message goes out and kept in R2, so all its recipients (and a resumed batch) get the same
 * figures, and each sent message's stored body is that object.
 */
export async function storedInvoiceContent(ctx: ServiceCtx, batch: SendBatch, invoiceId: string): Promise<InvoiceContent> {
  const [body, pdf] = await Promise.all([ctx.env.FILES.get(bodyKey(batch, invoiceId)), batch.attachPdf ? ctx.env.FILES.get(pdfKey(batch, invoiceId)) : null]);
  if (body && (!batch.attachPdf || pdf)) {
    const { html, text } = (await body.json()) as { html: string; text: string };
    const bytes = pdf ? new Uint8Array(await pdf.arrayBuffer()) : null;
    const fileName = pdf?.customMetadata?.fileName ?? 'Invoice.pdf';
    return { html, text, pdf: bytes ? { fileName, bytes, base64: bytesToBase64(bytes) } : null };
  }
  const content = await renderInvoiceContent(ctx, batch, invoiceId);
  await ctx.env.FILES.put(bodyKey(batch, invoiceId), JSON.stringify({ html: content.html, text: content.text }), {
    httpMetadata: { contentType: 'application/json' },
  });
  if (content.pdf) {
    await ctx.env.FILES.put(pdfKey(batch, invoiceId), content.pdf.bytes, {
      httpMetadata: { contentType: 'application/pdf' },
      customMetadata: { fileName: content.pdf.fileName },
    });
  }
  return content;
}
