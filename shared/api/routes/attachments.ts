// The attachments routes, declared once: served by worker/src/routes/attachments.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZAttachmentView } from '../emails';
import { defineRoute, authErrors, file, json, params, writeErrors } from '../route-kit';

/**
 * The upload's form, for the document only: a plain JSON schema, not zod, so that
 * @hono/zod-openapi does not parse the body before the size check in worker/src/routes/attachments.ts (a 413 before reading
 * 25 MB) and the handler keeps its specific per-field errors.
 */
const uploadForm = {
  type: 'object' as const,
  required: ['projectId', 'file'],
  properties: { projectId: { type: 'string' as const }, file: { type: 'string' as const, format: 'binary' } },
};

export const uploadAttachment = defineRoute({
  method: 'post',
  path: '/attachments',
  summary: 'Upload a file (multipart/form-data: projectId, file) for emails and invoice backup',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  responses: { 201: json(ZAttachmentView, 'The stored file'), ...writeErrors(413, 415) },
});

export const getAttachmentContent = defineRoute({
  method: 'get',
  path: '/attachments/{id}/content',
  summary: 'Download a file (as an attachment, never rendered inline)',
  request: { params: params('id') },
  responses: { 200: file('application/octet-stream', 'The file, with its own content type'), ...authErrors() },
});
