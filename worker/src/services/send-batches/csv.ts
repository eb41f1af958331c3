/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a semicolon, a tab, a quote, CR or LF,
 * quotes doubled. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe: the file is meant to be opened in Excel, and names and reasons come from outside.
 * The same holds after every `;` and tab: Excel in es/fr (the product's locales) splits on `;`, so
 * `Ruiz;+1+1` unquoted would make `+1+1` a cell of its own: such text is quoted, and each part that
 * would start a cell gets the apostrophe too (docs/security-rules.md "Exports").
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string') s = s.replace(/(^|[;\t])([=+\-@\t\r])/g, (_, sep: string, ch: string) => `${sep}'${ch}`);
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text with CRLF line ends and a UTF-8 byte-order mark (Excel then reads accents right). */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
