/** YYYY-MM-DD → "MM/DD/YYYY" (en) or "DD/MM/YYYY" (es, fr); anything else is shown as given. */
export function formatPdfDate(isoDate: string, order: 'mdy' | 'dmy'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const [, y, mo, d] = m;
  return order === 'mdy' ? `${mo}/${d}/${y}` : `${d}/${mo}/${y}`;
}
