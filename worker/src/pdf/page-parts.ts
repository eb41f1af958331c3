import type { PDFPage } from '@cantoo/pdf-lib';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { drawFitted, drawText, fitText, gray, hLine, widthOf, wrapText } from './draw';
import type { DocFonts } from './fonts';

/** US Letter in points: the G702 is portrait, the G703 landscape. */
export const PORTRAIT = { width: 612, height: 792 } as const;
export const LANDSCAPE = { width: 792, height: 612 } as const;
export type PageSize = { width: number; height: number };

/** A small grey caption over its value, `top` measured from the page top (portrait pages). */
export function drawHeaderField(page: PDFPage, fonts: DocFonts, label: string, value: string, x: number, top: number, width: number, maxLines = 1): void {
  const h = page.getHeight();
  drawFitted(page, fonts, label, x, h - top, { size: 6.5, color: gray }, width);
  const lines = wrapText(fonts, value || '—', { size: 8.5 }, width, maxLines);
  lines.forEach((line, i) => drawText(page, fonts, line, x, h - top - 10 - i * 10, { size: 8.5 }));
}

/** Bottom line of every invoice page: what the page belongs to (left), "Page n of N" (right). */
export function drawFooter(page: PDFPage, fonts: DocFonts, L: PdfLabels, left: string, pageNo: number, pageCount: number, size: PageSize): void {
  const margin = size.width === PORTRAIT.width ? 36 : 30;
  const baseline = 24;
  hLine(page, margin, size.width - margin, baseline + 10, 0.4);
  const pageText = L.pageOf(pageNo, pageCount);
  const pageWidth = widthOf(fonts, pageText, { size: 7 });
  drawText(page, fonts, pageText, size.width - margin, baseline, { size: 7 }, 'right');
  const leftStyle = fitText(fonts, left, { size: 7, color: gray }, size.width - 2 * margin - pageWidth - 20);
  drawText(page, fonts, leftStyle.text, margin, baseline, leftStyle);
}
