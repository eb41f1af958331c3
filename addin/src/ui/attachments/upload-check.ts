// Why an upload is refused, as a code the pane words in the user's language: checked before
// sending (size, extension: the limits of shared/api/emails.ts that the worker enforces in
// worker/src/services/attachments/check-upload.ts), or read from the server's refusal.
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '@shared/api/emails';

export type UploadProblem =
  | { code: 'too_large'; sizeBytes: number; limitBytes: number }
  | { code: 'wrong_type'; extension: string }
  | { code: 'empty' }
  | { code: 'content_mismatch' }
  | { code: 'quota'; message: string }
  | { code: 'other'; message: string };

export const ACCEPTED_EXTENSIONS = Object.values(UPLOAD_TYPES)
  .flat()
  .map((e) => `.${e}`);

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** A problem found before sending, or null when the file may be sent. */
export function checkBeforeUpload(file: { name: string; size: number }): UploadProblem | null {
  const ext = extensionOf(file.name);
  if (!ACCEPTED_EXTENSIONS.includes(`.${ext}`)) return { code: 'wrong_type', extension: ext };
  if (file.size === 0) return { code: 'empty' };
  if (file.size > MAX_UPLOAD_BYTES) return { code: 'too_large', sizeBytes: file.size, limitBytes: MAX_UPLOAD_BYTES };
  return null;
}

/**
 * The server's refusal (status, code, details) as a problem: a 413 with FILE_TOO_LARGE is the
 * per-file limit; a 413 without it is the invoice contact's upload quota (upload-attachment.ts).
 */
export function problemFromServer(
  file: { name: string; size: number },
  err: { status: number; message: string; details: ReadonlyArray<{ code?: string }> },
): UploadProblem {
  const code = err.details[0]?.code;
  if (code === 'FILE_TOO_LARGE') return { code: 'too_large', sizeBytes: file.size, limitBytes: MAX_UPLOAD_BYTES };
  if (err.status === 413) return { code: 'quota', message: err.message };
  if (code === 'TYPE_NOT_ACCEPTED' || code === 'TYPE_MISMATCH') return { code: 'wrong_type', extension: extensionOf(file.name) };
  if (code === 'CONTENT_MISMATCH') return { code: 'content_mismatch' };
  if (code === 'EMPTY_FILE') return { code: 'empty' };
  return { code: 'other', message: err.message };
}
