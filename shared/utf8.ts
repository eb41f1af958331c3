// The UTF-8 size of a string without encoding it. Request sizes are measured for every row the
// add-in writes (addin/src/excel/chunks.ts) and every operation the workbook double runs
// (addin/src/workbook-double/context.ts); TextEncoder allocated a byte array for each, most of
// the measuring time in the browser.

/**
 * Bytes of `s` in UTF-8, exactly what `new TextEncoder().encode(s).length` gives: a surrogate pair
 * is 4 bytes, and a lone surrogate 3 (TextEncoder writes U+FFFD for it, https://encoding.spec.whatwg.org/#utf-8-encoder
 * via "convert to a scalar value string", https://infra.spec.whatwg.org/#javascript-string-convert).
 */
export function utf8ByteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      n += 1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 2; // two UTF-16 units, four bytes
        i++;
        continue;
      }
    }
    n += 2;
  }
  return n;
}
