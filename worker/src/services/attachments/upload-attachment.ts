import type { TAttachmentView } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { attachments } from '../../db/schema';
import { receivedFileName } from '@shared/file-name';
import { uploadKey } from '../../email/r2-keys';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';
import { atLeast } from '../access/levels';
import { loadProjectAccess } from '../access/project-access';
import { checkUpload } from './check-upload';

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
  const id = newId('att');
  const r2Key = uploadKey(input.projectId, id, fileName);
  await ctx.env.FILES.put(r2Key, input.bytes, { httpMetadata: { contentType } });
  const createdAt = nowIso();
  await ctx.db
    .insert(attachments)
    .values({
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
