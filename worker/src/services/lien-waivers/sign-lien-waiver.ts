import { and, eq, max } from 'drizzle-orm';
import { ZLienWaiverParties, type TSignLienWaiver } from '@shared/api/lien-waivers';
import { formatMoney } from '@shared/money';
import { isUnconditional } from '@shared/waivers/types';
import type { ServiceCtx } from '../../context';
import { invoiceAttachments, lienWaivers } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { nowIso } from '../../lib/ids';
import { renderWaiverPdf, waiverPdfFileName } from '../../pdf/render-waiver';
import { workerTtf } from '../../pdf/worker-fonts';
import { requireToolAdmin } from '../access/contract-access';
import { loadWaiverFacts } from './waiver-facts';
import { auditEntries, documentOf, sha256OfBytes } from './waiver-document';
import { loadWaiver, waiverView } from './waiver-view';

export type SignRequestFacts = { ip: string; userAgent: string };

/**
 * Signs a draft waiver with the signer's typed name (ESIGN-style: typed name, consent, who, when,
 * from where). The PDF is rendered now (the form, then a signature audit page), stored in R2 as a
 * generated attachment and linked to the invoice, so it goes with the invoice's email. The audit
 * trail keeps the SHA-256 of the stored file. A signed waiver never changes again; it can only be
 * voided. The amount is checked once more against the invoice (line 8) or the payment.
 */
export async function signLienWaiver({ ctx, input }: { ctx: ServiceCtx; input: { waiverId: string; body: TSignLienWaiver; request: SignRequestFacts } }) {
  const { waiver, invoice, access } = await loadWaiver(ctx, input.waiverId);
  requireToolAdmin(access, 'Signing a lien waiver');
  if (waiver.direction !== 'issued') throw new AppError('INVALID_STATE', "A received waiver is the subcontractor's signed file: there is nothing to sign here");
  if (waiver.status === 'signed') {
    throw new AppError(
      'INVALID_STATE',
      `This waiver was signed by ${waiver.signerName} on ${waiver.signedAt}: a signed waiver cannot be changed or signed again; void it and generate a new one`,
    );
  }
  if (waiver.status === 'void') throw new AppError('INVALID_STATE', 'This waiver is void: generate a new one');

  const w = await loadWaiverFacts(ctx, invoice.id);
  if (isUnconditional(waiver.type)) {
    const payment = w.payments.find((p) => p.id === waiver.paymentId);
    if (!payment || payment.voidedAt)
      throw new AppError('INVALID_STATE', 'The payment this waiver acknowledges was voided since it was drafted: void the waiver');
  } else if (w.facts.line8CurrentPaymentDueCents !== waiver.amountCents) {
    const now = formatMoney(w.facts.line8CurrentPaymentDueCents);
    throw new AppError(
      'INVALID_STATE',
      `Line 8 of invoice #${invoice.number} is now ${now}, not the ${formatMoney(waiver.amountCents)} of this draft: void it and generate it again`,
    );
  }

  const parties = ZLienWaiverParties.parse(JSON.parse(waiver.partiesJson));
  const at = nowIso();
  const { signerName, signerTitle } = input.body;
  const doc = documentOf(waiver, parties, { name: signerName, title: signerTitle, signedOn: at.slice(0, 10) });
  const locale = parties.locale;
  const formBytes = await renderWaiverPdf(doc, { ttf: workerTtf, locale, author: parties.claimant });
  const formSha256 = await sha256OfBytes(formBytes);
  const signed = { signerName, signerTitle, consent: true, ip: input.request.ip, userAgent: input.request.userAgent, formSha256 };
  const entries = await auditEntries(ctx, waiver.id, locale, [{ action: 'signed', at, userId: ctx.user.id, detail: signed }]);
  const bytes = await renderWaiverPdf(doc, { ttf: workerTtf, locale, author: parties.claimant, audit: { waiverId: waiver.id, formSha256, entries } });
  const pdfSha256 = await sha256OfBytes(bytes);

  // One object per signing (the time in its key): a request that loses a race to sign writes its
  // own object, never over the winner's, and its statements below change nothing.
  const attachmentId = `att_${waiver.id}`;
  const r2Key = `projects/${invoice.projectId}/lien-waivers/${waiver.id}-${at.replace(/[^0-9]/g, '')}.pdf`;
  await ctx.env.FILES.put(r2Key, bytes, { httpMetadata: { contentType: 'application/pdf' } });
  const [{ last }] = await ctx.db
    .select({ last: max(invoiceAttachments.position) })
    .from(invoiceAttachments)
    .where(eq(invoiceAttachments.invoiceId, invoice.id));
  const d1 = ctx.env.DB;
  const stillDraft = 'EXISTS (SELECT 1 FROM lien_waivers WHERE id = ? AND status = ?)';
  const signedNow = 'EXISTS (SELECT 1 FROM lien_waivers WHERE id = ? AND status = ? AND signed_at = ? AND signed_by = ?)';
  await runBatch(d1, [
    d1
      .prepare(
        `INSERT INTO attachments (id, project_id, file_name, content_type, size_bytes, r2_key, origin, uploaded_by) SELECT ?, ?, ?, 'application/pdf', ?, ?, 'generated', ? WHERE ${stillDraft}`,
      )
      .bind(attachmentId, invoice.projectId, waiverPdfFileName(doc, invoice.number), bytes.byteLength, r2Key, ctx.user.id, waiver.id, 'draft'),
    ctx.db
      .update(lienWaivers)
      .set({ status: 'signed', signerName, signerTitle, signedAt: at, signedBy: ctx.user.id, attachmentId })
      .where(and(eq(lienWaivers.id, waiver.id), eq(lienWaivers.status, 'draft'))),
    d1
      .prepare(`INSERT INTO invoice_attachments (invoice_id, attachment_id, source, position, added_by) SELECT ?, ?, 'lien_waiver', ?, ? WHERE ${signedNow}`)
      .bind(invoice.id, attachmentId, (last ?? -1) + 1, ctx.user.id, waiver.id, 'signed', at, ctx.user.id),
    d1
      .prepare(`INSERT INTO lien_waiver_events (waiver_id, action, user_id, detail_json, created_at) SELECT ?, 'signed', ?, ?, ? WHERE ${signedNow}`)
      .bind(
        waiver.id,
        ctx.user.id,
        JSON.stringify({ ...signed, pdfSha256, attachmentId, sizeBytes: bytes.byteLength }),
        at,
        waiver.id,
        'signed',
        at,
        ctx.user.id,
      ),
  ]);
  const view = await waiverView(ctx, waiver.id);
  if (view.signer?.signedAt !== at) throw new AppError('INVALID_STATE', 'This waiver was signed by someone else at the same moment: reload it');
  return view;
}
