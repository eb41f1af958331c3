import { rgb, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import { cleanText, type DocFonts } from './fonts';

// Drawing primitives in PDF points (1/72 inch), origin at the page's bottom-left corner.
//
// A page between beginBatch and endBatch (the G703 pages: thousands of cells) gets its text and
// rules as content-stream operators written here, in one stream added at endBatch, instead of one
// pdf-lib drawText/drawLine call each: a CPU profile of a 2,000-line invoice showed most of the
// time in pdf-lib's per-call option checks, operator objects, number formatting and the garbage
// they leave. Batched text and rules land above fills drawn with pdf-lib (box), as they must.

type Batch = { ops: string[]; fontKeys: Map<PDFFont, string> };
const batches = new WeakMap<PDFPage, Batch>();

export function beginBatch(page: PDFPage): void {
  batches.set(page, { ops: [], fontKeys: new Map() });
}

/** Adds the page's batched operators as one Flate stream, compressed by the runtime's zlib. */
export async function endBatch(page: PDFPage): Promise<void> {
  const batch = batches.get(page);
  batches.delete(page);
  if (!batch?.ops.length) return;
  const context = page.doc.context;
  const bytes = await deflate(`q\n${batch.ops.join('\n')}\nQ\n`);
  page.node.addContentStream(context.register(context.stream(bytes, { Filter: 'FlateDecode' })));
}

// CompressionStream('deflate') is zlib-wrapped deflate, what /FlateDecode reads; native in Workers
// and Node, several times faster than pdf-lib's JavaScript deflate.
async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// PDF numbers: at most 3 decimals (1/1000 pt), no exponent, no trailing zeros.
const num = (n: number) => String(Math.round(n * 1000) / 1000);
const color = (c: RGB) => `${num(c.red)} ${num(c.green)} ${num(c.blue)}`;

function fontKey(page: PDFPage, batch: Batch, font: PDFFont): string {
  let key = batch.fontKeys.get(font);
  if (!key) batch.fontKeys.set(font, (key = page.node.newFontDictionary(font.name, font.ref).toString()));
  return key;
}

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
  const batch = batches.get(page);
  if (!batch) {
    page.drawText(t, { x: left, y, size: style.size, font, color: style.color ?? black });
    return;
  }
  // encodeText also records the glyphs a subset font must embed
  const key = fontKey(page, batch, font);
  batch.ops.push(`BT ${key} ${num(style.size)} Tf ${color(style.color ?? black)} rg 1 0 0 1 ${num(left)} ${num(y)} Tm ${font.encodeText(t).toString()} Tj ET`);
}

/**
 * Text that must fit `maxWidth`: the font shrinks down to `minSize`; below that the text is cut
 * with an ellipsis (labels and descriptions only — figures use `fitFigure`, never cut).
 */
export function fitText(fonts: DocFonts, text: string, style: TextStyle, maxWidth: number, minSize = style.size): TextStyle & { text: string } {
  let size = style.size;
  while (size > minSize && widthOf(fonts, text, { ...style, size }) > maxWidth) size = Math.max(minSize, size - 0.25);
  if (widthOf(fonts, text, { ...style, size }) <= maxWidth) return { ...style, size, text };
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
  let size = style.size;
  while (size > 4 && widthOf(fonts, text, { ...style, size }) > maxWidth) size -= 0.25;
  return { ...style, size };
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
  const batch = batches.get(page);
  if (!batch) {
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: c });
    return;
  }
  batch.ops.push(`${color(c)} RG ${num(thickness)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
}

export function hLine(page: PDFPage, x1: number, x2: number, y: number, thickness = 0.5, c: RGB = rule): void {
  line(page, x1, y, x2, y, thickness, c);
}

export function vLine(page: PDFPage, x: number, y1: number, y2: number, thickness = 0.5, c: RGB = rule): void {
  line(page, x, y1, x, y2, thickness, c);
}

export function box(page: PDFPage, x: number, y: number, width: number, height: number, opts: { fill?: RGB; border?: RGB; thickness?: number } = {}): void {
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
