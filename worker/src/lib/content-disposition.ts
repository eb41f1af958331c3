/**
 * `inline` (preview) or `attachment` (save) with the file name twice: an ASCII fallback for old
 * clients and the exact UTF-8 name (RFC 6266 / RFC 5987) for everyone else. Every file the worker
 * sends (PDFs, attachments, CSVs) names itself through this one function.
 */
export function contentDisposition(fileName: string, isDownload: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${isDownload ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
