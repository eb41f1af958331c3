import { rgb, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import { cleanText, type DocFonts } from './fonts';
import { isBatched, lineOp, rectOp, textOp } from './page-ops';

// Drawing primitives in PDF points (1/72 inch), origin at the page's bottom-left corner.
// On a page between beginBatch and endBatch (page-ops.ts: the invoice's pages) they write
// content-stream operators; elsewhere (waiver, backup cover) they call pdf-lib's drawing methods.

export const black = rgb(0, 0, 0);
export const gray = rgb(0.38, 0.38, 0.38);
export const rule = rgb(0.55, 0.55, 0.55);
export const shade = rgb(0.92, 0.92, 0.92);

export type TextStyle = { size: number; isBold?: boolean; color?: RGB };
export type Align = 'left' | 'right' | 'center';

export function widthOf(fonts: DocFonts, text: string, style: TextStyle): number {
  return fonts.widthAt(cleanText(text), style.isBold, style.size);
}

/**
 * Draws one line of text. `x` is the left edge (left), right edge (right) or centre (center).
 * The caller has made it fit (fitText / wrapText): nothing is clipped here.
 */
export function drawText(page: PDFPage, fonts: DocFonts, text: string, x: number, y: number, style: TextStyle, align: Align = 'left'): void {
  const t = cleanText(text);
  if (!t) return;
  const font = fonts.pick(t, style.isBold);
  const w = align === 'left' ? 0 : fonts.widthAt(t, style.isBold, style.size);
  const left = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
  // encode also records the glyphs a subset font must embed
  if (isBatched(page)) textOp(page, font, fonts.encode(font, t), style.size, style.color ?? black, left, y);
  else page.drawText(t, { x: left, y, size: style.size, font, color: style.color ?? black });
}

/**
 * Text that must fit `maxWidth`: the font shrinks down to `minSize`; below that the text is cut
 * with an ellipsis (labels and descriptions only — figures use `fitFigure`, never cut).
 */
export function fitText(fonts: DocFonts, text: string, style: TextStyle, maxWidth: number, minSize = style.size): TextStyle & { text: string } {
  // widths are linear in the size: measured once at 1 pt (DocFonts.widthAt computes w × size the same way)
  const unit = fonts.widthAt(cleanText(text), style.isBold, 1);
  let size = style.size;
  while (size > minSize && unit * size > maxWidth) size = Math.max(minSize, size - 0.25);
  if (unit * size <= maxWidth) return { ...style, size, text };
  let cut = text;
  while (cut.length > 1 && widthOf(fonts, `${cut}…`, { ...style, size }) > maxWidth) cut = cut.slice(0, -1);
  return { ...style, size, text: `${cut.trimEnd()}…` };
}

/** fitText, then drawText with the fitted size: a label that never runs past `maxWidth`. */
export function drawFitted(
  page: PDFPage,
  fonts: DocFonts,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  maxWidth: number,
  minSize = style.size,
  align: Align = 'left',
): void {
  const fitted = fitText(fonts, text, style, maxWidth, minSize);
  drawText(page, fonts, fitted.text, x, y, fitted, align);
}

/** A figure shrinks until it fits — an amount is never cut. 4 pt is still legible when printed. */
export function fitFigure(fonts: DocFonts, text: string, style: TextStyle, maxWidth: number): TextStyle {
  const unit = fonts.widthAt(cleanText(text), style.isBold, 1);
  let size = style.size;
  while (size > 4 && unit * size > maxWidth) size -= 0.25;
  return size === style.size ? style : { ...style, size };
}

/** Greedy word wrap to `width`; a word longer than a line is broken; at most `maxLines` (the last one ellipsized). */
export function wrapText(fonts: DocFonts, text: string, style: TextStyle, width: number, maxLines = Infinity): string[] {
  const words = cleanText(text).split(/[ ]+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const push = (line: string) => lines.push(line);
  for (let word of words) {
    while (widthOf(fonts, word, style) > width && word.length > 1) {
      // break an over-long word (a part number, a URL) at the widest prefix that fits
      let n = word.length - 1;
      while (n > 1 && widthOf(fonts, word.slice(0, n), style) > width) n--;
      if (current) {
        push(current);
        current = '';
      }
      push(word.slice(0, n));
      word = word.slice(n);
    }
    const candidate = current ? `${current} ${word}` : word;
    if (widthOf(fonts, candidate, style) <= width) current = candidate;
    else {
      if (current) push(current);
      current = word;
    }
  }
  if (current) push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(fonts, `${kept[maxLines - 1]} ${lines[maxLines]}`, style, width).text;
  return kept;
}

function line(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness: number, c: RGB): void {
  if (!lineOp(page, x1, y1, x2, y2, thickness, c)) page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: c });
}

export function hLine(page: PDFPage, x1: number, x2: number, y: number, thickness = 0.5, c: RGB = rule): void {
  line(page, x1, y, x2, y, thickness, c);
}

export function vLine(page: PDFPage, x: number, y1: number, y2: number, thickness = 0.5, c: RGB = rule): void {
  line(page, x, y1, x, y2, thickness, c);
}

export function box(page: PDFPage, x: number, y: number, width: number, height: number, opts: { fill?: RGB; border?: RGB; thickness?: number } = {}): void {
  const borderWidth = opts.border ? (opts.thickness ?? 0.5) : 0;
  if (rectOp(page, x, y, width, height, opts.fill, opts.border, borderWidth)) return;
  page.drawRectangle({
    x,
    y,
    width,
    height,
    color: opts.fill,
    borderColor: opts.border,
    borderWidth: opts.border ? (opts.thickness ?? 0.5) : 0,
  });
}
