// The one rule for file names the product writes or passes on: uploaded attachments and inbound
// email files (R2 keys, Content-Disposition), the invoice PDF, backup PDFs and CSV exports. A name
// someone sent (receivedFileName) first loses its folders; a name the product builds from a title
// (safeFileName) keeps every word, a "/" in it becoming a space.

const MAX_CHARS = 150;

/**
 * A file name safe on Windows, macOS and Linux, in an R2 key and in a Content-Disposition header:
 * 1. control characters and the characters Windows reserves (`< > : " / \ | ? *`) become spaces, so
 *    a name is never a path (`../x` → `.. x`) and a contract title "A/B" stays readable ("A B");
 * 2. whitespace runs become one space; leading spaces, trailing spaces and trailing dots go
 *    (Windows drops trailing dots and spaces, so two names would collide);
 * 3. at most 150 characters, the extension (up to 10 letters or digits after the last dot) kept;
 * 4. a name left empty, or only dots, becomes `fallback`.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '') return fallback;
  if (cleaned.length <= MAX_CHARS) return cleaned;
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, MAX_CHARS - ext.length).trimEnd() + ext;
}

/**
 * A file name a browser or mail client sent: only its last path part counts (old browsers send
 * `C:\fakepath\x.pdf`, some mail clients a full path), then the rule of safeFileName.
 */
export function receivedFileName(name: string): string {
  return safeFileName(name.split(/[\\/]/).pop() ?? '');
}
