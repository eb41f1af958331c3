import { deflateSync } from 'node:zlib';
import { PDFName, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';

// A page's content written as PDF operators into one string, added as one Flate stream at
// endBatch, instead of one pdf-lib drawText/drawLine/drawRectangle call each. The invoice's pages
// (G702 and G703) are drawn this way: a CPU profile of a 2,000-line invoice showed most of the
// time in pdf-lib's per-call option checks, operator objects (a rectangle goes through an SVG path
// and matrix products), number formatting and the garbage they leave, then pako deflating those
// streams at save.
//
// Fills (box) are kept apart and written first, so text and rules always land above them, as
// they did when fills were pdf-lib's own content stream ahead of the batched one.

// Inside a batch's one q … Q, an operator that would set the state to what it already is, is left
// out: text font/size and fill colour, rule colour and width persist across BT/ET (PDF 32000-1
// §9.3.1: the text state is part of the graphics state). Fills (rectOp) are outside, each in its
// own q … Q, so they neither see nor change this state. A third of the text and of deflate's work.
type State = { textFont: string; fill: RGB | null; stroke: RGB | null; width: number };
const freshState = (): State => ({ textFont: '', fill: null, stroke: null, width: -1 });
const sameState = (a: State, b: State) => a.textFont === b.textFont && a.fill === b.fill && a.stroke === b.stroke && a.width === b.width;

type Batch = { under: string[]; ops: string[]; fonts: Set<PDFFont>; state: State };
const batches = new WeakMap<PDFPage, Batch>();

/** Operators recorded between two points of a page's batch: the same head on every G703 page is drawn once, then copied. */
export type OpsSlice = { under: string[]; ops: string[]; fonts: PDFFont[]; from: State; to: State };
export type OpsMark = { under: number; ops: number; state: State };

export function beginBatch(page: PDFPage): void {
  batches.set(page, { under: [], ops: [], fonts: new Set(), state: freshState() });
}

export function isBatched(page: PDFPage): boolean {
  return batches.has(page);
}

export function markOps(page: PDFPage): OpsMark {
  const b = mustBatch(page);
  return { under: b.under.length, ops: b.ops.length, state: { ...b.state } };
}

/** What was drawn on `page` since `mark`. Font choices are per text, so every batched font is kept (a page uses 2–4). */
export function opsSince(page: PDFPage, mark: OpsMark): OpsSlice {
  const b = mustBatch(page);
  return { under: b.under.slice(mark.under), ops: b.ops.slice(mark.ops), fonts: [...b.fonts], from: mark.state, to: { ...b.state } };
}

/** Copies a slice; only where the state is the one it was recorded in (the operators it left out rely on it). */
export function appendOps(page: PDFPage, slice: OpsSlice): void {
  const b = mustBatch(page);
  if (!sameState(b.state, slice.from)) throw new Error('page-ops: a slice is copied into a different graphics state than it was drawn in');
  for (const op of slice.under) b.under.push(op);
  for (const op of slice.ops) b.ops.push(op);
  for (const f of slice.fonts) b.fonts.add(f);
  b.state = { ...slice.to };
}

function mustBatch(page: PDFPage): Batch {
  const b = batches.get(page);
  if (!b) throw new Error('page-ops: beginBatch(page) was not called');
  return b;
}

/** Adds the page's batched operators as one Flate stream and names its fonts in the page's resources. */
export function endBatch(page: PDFPage): void {
  const batch = batches.get(page);
  batches.delete(page);
  if (!batch || (!batch.ops.length && !batch.under.length)) return;
  for (const font of batch.fonts) page.node.setFontDictionary(PDFName.of(fontKeyName(font)), font.ref);
  const context = page.doc.context;
  const under = batch.under.length ? `${batch.under.join('\n')}\n` : '';
  // deflateSync is zlib-wrapped deflate, what /FlateDecode reads; native zlib in Node and in
  // Workers (node:zlib under nodejs_compat). The earlier CompressionStream awaited a round trip
  // through a stream per page (≈ 60 ms idle per 2,000-line invoice in Node, plus stream machinery).
  const bytes = deflateSync(`${under}q\n${batch.ops.join('\n')}\nQ\n`);
  page.node.addContentStream(context.register(context.stream(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { Filter: 'FlateDecode' })));
}

// One resource name per font for the whole document ("/PBF1", …), the same on every page, so a
// recorded slice of operators is valid on any page. pdf-lib's own keys are "<font name>-<digits>".
const fontKeys = new WeakMap<PDFFont, string>();
const fontCounts = new WeakMap<object, number>();

function fontKeyName(font: PDFFont): string {
  let key = fontKeys.get(font);
  if (!key) {
    const n = (fontCounts.get(font.doc) ?? 0) + 1;
    fontCounts.set(font.doc, n);
    fontKeys.set(font, (key = `PBF${n}`));
  }
  return key;
}

// PDF numbers: at most 3 decimals (1/1000 pt), no exponent, no trailing zeros.
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

const colors = new WeakMap<RGB, string>();
function color(c: RGB): string {
  let s = colors.get(c);
  if (s === undefined) colors.set(c, (s = `${num(c.red)} ${num(c.green)} ${num(c.blue)}`));
  return s;
}

/** One line of text; `encoded` is the font's encoding of it as a PDF string, "(…)" or "<…>". */
export function textOp(page: PDFPage, font: PDFFont, encoded: string, size: number, c: RGB, x: number, y: number): void {
  const b = mustBatch(page);
  b.fonts.add(font);
  const st = b.state;
  const textFont = `/${fontKeyName(font)} ${num(size)} Tf `;
  let set = '';
  if (st.textFont !== textFont) set = st.textFont = textFont;
  if (st.fill !== c) {
    set += `${color(c)} rg `;
    st.fill = c;
  }
  b.ops.push(`BT ${set}1 0 0 1 ${num(x)} ${num(y)} Tm ${encoded} Tj ET`);
}

export function lineOp(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness: number, c: RGB): boolean {
  const b = batches.get(page);
  if (!b) return false;
  const st = b.state;
  let set = '';
  if (st.stroke !== c) {
    set = `${color(c)} RG `;
    st.stroke = c;
  }
  if (st.width !== thickness) {
    set += `${num(thickness)} w `;
    st.width = thickness;
  }
  b.ops.push(`${set}${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  return true;
}

/**
 * A rectangle as pdf-lib's drawRectangle writes it (operations.ts: an SVG path "M 0,0 H w V h H 0 Z"
 * in a y-flipped space anchored at the top-left corner), so fills and borders cover the same pixels.
 */
export function rectOp(page: PDFPage, x: number, y: number, width: number, height: number, fill?: RGB, border?: RGB, borderWidth = 0): boolean {
  const b = batches.get(page);
  if (!b) return false;
  const isStroked = border !== undefined && borderWidth !== 0;
  const paint = fill && isStroked ? 'B' : fill ? 'f' : isStroked ? 'S' : null;
  if (!paint) return true;
  const w = num(width);
  const h = num(height);
  const style = [fill && `${color(fill)} rg`, border && `${color(border)} RG`, borderWidth && `${num(borderWidth)} w`].filter(Boolean).join('\n');
  b.under.push(`q\n1 0 0 1 ${num(x)} ${num(y + height)} cm\n1 0 0 -1 0 0 cm\n${style}\n[] 0 d\n0 0 m\n${w} 0 l\n${w} ${h} l\n0 ${h} l\nh\n${paint}\nQ`);
  return true;
}
