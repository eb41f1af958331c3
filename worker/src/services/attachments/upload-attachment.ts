import type { TAttachmentView } from '@shared/api/emails';
import { and, eq, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { attachments } from '../../db/schema';
import { receivedFileName } from '@shared/file-name';
import { uploadKey } from '../../email/r2-keys';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';
import { atLeast } from '../access/levels';
import { loadProjectAccess } from '../access/project-access';
import { checkUpload } from './check-upload';

/** What an invoice contact (not a member: the owner's or a subcontractor's people) may upload into one project, in all (CONTACT_UPLOAD_QUOTA_BYTES overrides). */
export const DEFAULT_CONTACT_UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024;

/** Invoice contacts upload into the GC's project and storage: a quota per contact per project (docs/security-rules.md "Files"). */
async function requireContactQuota(ctx: ServiceCtx, projectId: string, adding: number) {
  const [row] = await ctx.db
    .select({ used: sql<number>`coalesce(sum(${attachments.sizeBytes}), 0)` })
    .from(attachments)
    .where(and(eq(attachments.projectId, projectId), eq(attachments.uploadedBy, ctx.user.id)));
  const used = Number(row?.used ?? 0);
  const quota = Number(ctx.env.CONTACT_UPLOAD_QUOTA_BYTES) > 0 ? Number(ctx.env.CONTACT_UPLOAD_QUOTA_BYTES) : DEFAULT_CONTACT_UPLOAD_QUOTA_BYTES;
  if (used + adding > quota) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new AppError('PAYLOAD_TOO_LARGE', `Your uploads to this project would exceed ${mb(quota)} (${mb(used)} used, this file ${mb(adding)})`);
  }
}

/**
 * Stores an uploaded file in R2 under the project (projects/<id>/attachments/<attachment id>/<name>)
 * and records it. Members with standard or admin on a tool may upload, and invoice contacts (their
 * invoices' backup); read-only members may not.
 */
export async function uploadAttachment({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { projectId: string; fileName: string; contentType: string; bytes: Uint8Array };
}): Promise<TAttachmentView> {
  const access = await loadProjectAccess(ctx, input.projectId);
  if (access.isMember && !atLeast(access.primeContracts, 'standard') && !atLeast(access.commitments, 'standard')) {
    throw new AppError('FORBIDDEN', 'Uploading files needs standard or admin permission on Prime Contracts or Commitments');
  }
  const fileName = receivedFileName(input.fileName);
  const contentType = checkUpload(fileName, input.contentType, input.bytes);
  if (!access.isMember) await requireContactQuota(ctx, input.projectId, input.bytes.length);
  const id = newId('att');
  const r2Key = uploadKey(input.projectId, id, fileName);
  await ctx.env.FILES.put(r2Key, input.bytes, { httpMetadata: { contentType } });
  const createdAt = nowIso();
  await ctx.db.insert(attachments).values({
    id,
    projectId: input.projectId,
    fileName,
    contentType,
    sizeBytes: input.bytes.length,
    r2Key,
    origin: 'upload',
    uploadedBy: ctx.user.id,
    createdAt,
  });
  return { id, projectId: input.projectId, fileName, contentType, sizeBytes: input.bytes.length, origin: 'upload', createdAt };
}
