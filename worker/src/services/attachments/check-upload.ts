import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '@shared/api/emails';
import { AppError } from '../../lib/app-error';

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** The first bytes must match the claimed type: a renamed executable is not a PDF. */
function contentMatches(type: string, b: Uint8Array): boolean {
  switch (type) {
    case 'application/pdf':
      return new TextDecoder().decode(b.subarray(0, 1024)).includes('%PDF-');
    case 'image/png':
      return starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return starts(b, [0xff, 0xd8, 0xff]);
    case 'image/gif':
      return starts(b, [0x47, 0x49, 0x46, 0x38]);
    case 'image/webp':
      return starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8);
    case 'image/tiff':
      return starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a]);
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return starts(b, [0x50, 0x4b, 0x03, 0x04]);
    case 'application/vnd.ms-excel':
    case 'application/msword':
      return starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    default: // text/plain, text/csv: text, i.e. no NUL byte in the first 8 KB
      return !b.subarray(0, 8192).includes(0);
  }
}

/**
 * The content type to store for an upload, or a specific error: empty (422), too large (413),
 * type or extension not accepted, or content that does not match it (415).
 */
export function checkUpload(fileName: string, declaredType: string, bytes: Uint8Array): string {
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ field: 'file', code: 'EMPTY_FILE', message: `${fileName} has no content` }]);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    const message = `${fileName} is ${(bytes.length / 1048576).toFixed(1)} MB; files up to ${MAX_UPLOAD_BYTES / 1048576} MB are accepted`;
    throw new AppError('PAYLOAD_TOO_LARGE', message, [{ field: 'file', code: 'FILE_TOO_LARGE', message }]);
  }
  const ext = extensionOf(fileName);
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const byExtension = Object.entries(UPLOAD_TYPES).find(([, exts]) => exts.includes(ext))?.[0];
  const accepted = Object.values(UPLOAD_TYPES)
    .flat()
    .map((e) => `.${e}`)
    .join(', ');
  if (!byExtension) {
    const message = `${fileName}: ${ext ? `.${ext} files are` : 'files without an extension are'} not accepted; accepted: ${accepted}`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', code: 'TYPE_NOT_ACCEPTED', message }]);
  }
  const isGeneric = declared === '' || declared === 'application/octet-stream';
  if (!isGeneric && declared !== byExtension && !(UPLOAD_TYPES[declared]?.includes(ext) ?? false)) {
    const message = `${fileName} was sent as ${declared}, which does not match its .${ext} extension`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', code: 'TYPE_MISMATCH', message }]);
  }
  if (!contentMatches(byExtension, bytes)) {
    const message = `${fileName} does not contain what a .${ext} file contains`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', code: 'CONTENT_MISMATCH', message }]);
  }
  return byExtension;
}
