import { contentDisposition } from '../lib/content-disposition';

/** Headers of every PDF answer: never cached by shared caches (figures and permissions change). */
export function pdfHeaders(fileName: string, isDownload: boolean, sizeBytes?: number): Record<string, string> {
  return {
    'content-type': 'application/pdf',
    'content-disposition': contentDisposition(fileName, isDownload),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    ...(sizeBytes === undefined ? {} : { 'content-length': String(sizeBytes) }),
  };
}
