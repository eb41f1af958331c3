import { MAX_UPLOAD_BYTES, ZUploadFields } from '@shared/api/emails';
import type { ErrorDetail } from '@shared/errors';
import { AppError } from '../lib/app-error';
import { contentDisposition } from '../lib/content-disposition';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/attachments';
import { parseWith } from '../lib/validate';
import { getAttachmentContent } from '../services/attachments/get-attachment-content';
import { uploadAttachment } from '../services/attachments/upload-attachment';

/** multipart framing around one file: a little more than the file itself */
const MULTIPART_OVERHEAD = 64 * 1024;

export const attachmentRoutes = routes()
  .openapi(def.uploadAttachment, async (c) => {
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload as multipart/form-data with the fields projectId and file');
    }
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) {
      const message = `The upload is ${(length / 1048576).toFixed(1)} MB; files up to ${MAX_UPLOAD_BYTES / 1048576} MB are accepted`;
      throw new AppError('PAYLOAD_TOO_LARGE', message, [{ field: 'file', code: 'FILE_TOO_LARGE', message }]);
    }
    let form: FormData;
    try {
      form = await c.req.raw.formData();
    } catch {
      throw new AppError('BAD_REQUEST', 'The multipart body could not be read');
    }
    const upload = form.get('file');
    const problems: ErrorDetail[] = [];
    if (typeof form.get('projectId') !== 'string') problems.push({ field: 'projectId', code: 'REQUIRED', message: 'give the project the file belongs to' });
    if (!upload || typeof upload === 'string') problems.push({ field: 'file', code: 'REQUIRED', message: 'attach the file as the "file" field' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The upload is missing fields', problems);
    const { projectId } = parseWith(ZUploadFields, { projectId: form.get('projectId') }, 'Upload');
    const f = upload as File;
    const bytes = new Uint8Array(await f.arrayBuffer());
    return c.json(await uploadAttachment({ ctx: c.get('ctx'), input: { projectId, fileName: f.name, contentType: f.type, bytes } }), 201);
  })
  .openapi(def.getAttachmentContent, async (c) => {
    const { attachment, body } = await getAttachmentContent({ ctx: c.get('ctx'), input: { attachmentId: c.req.valid('param').id } });
    return new Response(body.body as unknown as ReadableStream, {
      headers: {
        'content-type': attachment.contentType,
        'content-length': String(body.size),
        'content-disposition': contentDisposition(attachment.fileName, true),
        'x-content-type-options': 'nosniff',
        // files received by email are untrusted: never let one run as a page of this origin
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
      },
    });
  });
