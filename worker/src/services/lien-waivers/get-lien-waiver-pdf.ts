import { eq } from 'drizzle-orm';
import { ZLienWaiverParties } from '@shared/api/lien-waivers';
import type { ServiceCtx } from '../../context';
import { attachments } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { renderWaiverPdf, waiverPdfFileName } from '../../pdf/render-waiver';
import { workerTtf } from '../../pdf/worker-fonts';
import { signPath } from '../pdf/signed-links';
import { documentOf } from './waiver-document';
import { loadWaiver } from './waiver-view';

/**
 * The waiver's PDF for whoever may see its invoice: the stored file once signed (or received), the
 * same bytes every time; for a draft an unsigned preview rendered now and marked as a draft.
 */
export async function getLienWaiverPdf({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { waiverId: string };
}): Promise<{ body: ReadableStream | Uint8Array; fileName: string; sizeBytes: number; contentType: string }> {
  const { waiver, invoice } = await loadWaiver(ctx, input.waiverId);
  if (waiver.attachmentId) {
    const [file] = await ctx.db.select().from(attachments).where(eq(attachments.id, waiver.attachmentId)).limit(1);
    const object = file ? await ctx.env.FILES.get(file.r2Key) : null;
    if (!file || !object) throw new AppError('INTERNAL', `The stored file of lien waiver ${waiver.id} is missing`);
    return { body: object.body as unknown as ReadableStream, fileName: file.fileName, sizeBytes: object.size, contentType: file.contentType };
  }
  const parties = ZLienWaiverParties.parse(JSON.parse(waiver.partiesJson));
  const doc = documentOf(waiver, parties, null);
  const bytes = await renderWaiverPdf(doc, { ttf: workerTtf, locale: parties.locale, isDraft: true, author: parties.claimant });
  return {
    body: bytes,
    fileName: waiverPdfFileName(doc, invoice.number).replace(/\.pdf$/, ' (draft).pdf'),
    sizeBytes: bytes.byteLength,
    contentType: 'application/pdf',
  };
}

/** A short-lived link to the waiver's PDF that opens without an Authorization header; the download still checks access as this user. */
export async function createLienWaiverPdfLink({ ctx, input }: { ctx: ServiceCtx; input: { waiverId: string; origin: string } }) {
  const { waiver } = await loadWaiver(ctx, input.waiverId);
  const path = `/api/v1/lien-waivers/${waiver.id}/pdf`;
  const s = await signPath(ctx.env, path, ctx.user.id);
  return { url: `${input.origin}${path}?${new URLSearchParams({ uid: s.uid, exp: s.exp, sig: s.sig })}`, expiresAt: s.expiresAt };
}
