import { PDFDocument } from '@cantoo/pdf-lib';

// Reading generated PDFs inside workerd (pdfjs-dist needs DOM APIs workerd lacks): pdf-lib loads
// the file, its content-stream extraction gives each shown string with its position and font.
// The Node-side checks (scripts/pdf-checks) read the same PDFs with pdftotext and pdfjs-dist.

export type TextItem = { text: string; x: number; y: number; font: string };
export type PageText = {
  width: number;
  height: number;
  items: TextItem[];
  text: string;
  images: Array<{ width: number; height: number; drawWidth: number; drawHeight: number }>;
};

export async function readPdf(bytes: Uint8Array | ArrayBuffer): Promise<{ doc: PDFDocument; pages: PageText[] }> {
  const doc = await PDFDocument.load(bytes, { password: '' });
  const pages = doc.getPages().map((page) => {
    const assets = page.extractContents();
    const items = assets.flatMap((a) => (a.kind === 'text' ? [{ text: a.getText().replace(/\r?\n$/, ''), x: a.x, y: a.y, font: a.fontFamily }] : []));
    const images = assets.flatMap((a) => (a.kind === 'image' ? [{ width: a.width, height: a.height, drawWidth: a.drawWidth, drawHeight: a.drawHeight }] : []));
    const { width, height } = page.getSize();
    return { width, height, items, text: items.map((i) => i.text).join('\n'), images };
  });
  return { doc, pages };
}

/** Text items on one baseline (±1 pt), left to right: a table row as printed. */
export function rowsOf(items: TextItem[]): string[][] {
  const rows: Array<{ y: number; items: TextItem[] }> = [];
  for (const item of items) {
    const row = rows.find((r) => Math.abs(r.y - item.y) <= 1);
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  return rows.sort((a, b) => b.y - a.y).map((r) => r.items.sort((a, b) => a.x - b.x).map((i) => i.text));
}

/** The row that holds all of `cells` (in any order), or undefined. */
export function rowWith(items: TextItem[], cells: string[]): string[] | undefined {
  return rowsOf(items).find((row) => cells.every((c) => row.includes(c)));
}
