import { StandardFonts, type PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { Encodings } from '@cantoo/pdf-lib/standard-fonts';
import fontkit from '@pdf-lib/fontkit';

/**
 * Where the Unicode fallback font (DejaVu Sans) comes from. The worker imports the TTF files as
 * binary modules (worker-fonts.ts); Node scripts read them from node_modules. Called at most once
 * per document, and only when a text needs a glyph outside WinAnsi.
 */
export type TtfSource = () => Promise<{ regular: ArrayBuffer | Uint8Array; bold: ArrayBuffer | Uint8Array }>;

type Pair = { regular: PDFFont; bold: PDFFont };

/** Characters the PDF never needs verbatim: control characters become spaces; U+202F (the French thousands separator) a no-break space, which WinAnsi has. */
export function cleanText(text: string): string {
  // one test for the usual case (nothing to clean): every cell of a G703 page passes here
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\u202f/g, '\u00a0');
}
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\u202f]/;

// Printable ASCII and Latin-1 are in WinAnsi as they are: one regex test instead of a lookup per
// character for the figures and most labels.
const LATIN1_PRINTABLE = /^[\x20-\x7e\u00a0-\u00ff]*$/;

// Printable ASCII and Latin-1 in Helvetica as a PDF literal string: the WinAnsi code of each
// character, taken from pdf-lib's own encoding table (the codes its StandardFontEmbedder.encodeText
// would write in hex), escaped per PDF 32000-1 §7.3.4.2 — half the bytes of the hex form. Kept ASCII
// (codes ≥ 0x80 as octal escapes), as the page's operators are one JavaScript string.
let latin1Literal: string[] | null = null;
function latin1LiteralTable(): string[] {
  if (!latin1Literal) {
    latin1Literal = [];
    for (let cp = 0x20; cp <= 0xff; cp++) {
      if (cp > 0x7e && cp < 0xa0) continue;
      const code = Encodings.WinAnsi.encodeUnicodeCodePoint(cp).code;
      const ch = String.fromCharCode(code);
      latin1Literal[cp] = code >= 0x80 || code < 0x20 ? `\\${code.toString(8).padStart(3, '0')}` : ch === '(' || ch === ')' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return latin1Literal;
}

export function isWinAnsi(text: string): boolean {
  if (LATIN1_PRINTABLE.test(text)) return true;
  for (const ch of text) {
    if (!Encodings.WinAnsi.canEncodeUnicodeCodePoint(ch.codePointAt(0)!)) return false;
  }
  return true;
}

/**
 * @pdf-lib/fontkit's subset has an internal `encode(stream)` method, which @cantoo/pdf-lib mistakes
 * for fontkit v2's argument-less `encode()` and calls without a stream (TypeError at save). Hiding
 * it behind a facade makes pdf-lib use `encodeStream()`, the API this fontkit version is built for.
 * (With `@cantoo/fontkit` installed instead, this shim can go.)
 */
const subsettingFontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(data, postscriptName) as unknown as { createSubset: () => SubsetLike };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const inner = createSubset();
      return {
        includeGlyph: (glyph: unknown) => inner.includeGlyph(glyph),
        get cff() {
          return inner.cff;
        },
        encodeStream: () => inner.encodeStream(),
      } as SubsetLike;
    };
    return font;
  },
};
type SubsetLike = { includeGlyph: (glyph: unknown) => number; cff: unknown; encodeStream: () => unknown };

/**
 * The fonts of one PDF document: Helvetica for text WinAnsi can encode (all figures, most Latin
 * text incl. accents), DejaVu Sans — subset, so only the glyphs used are embedded — for text in
 * other scripts ("Дмитрий", "Ελένη"). Per string, so a document that names one Greek client keeps
 * the fast standard font for its thousands of figures.
 */
export class DocFonts {
  private unicode: Pair | null = null;
  // Width at 1 pt per font and text: a G703 figure is measured to fit its column and again to
  // right-align it, and labels repeat on every page; pdf-lib's width sums glyphs and kerning pairs.
  private readonly unitWidths = new Map<PDFFont, Map<string, number>>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly standard: Pair,
    private readonly ttf: TtfSource,
  ) {}

  static async create(doc: PDFDocument, ttf: TtfSource): Promise<DocFonts> {
    const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
    return new DocFonts(doc, { regular, bold }, ttf);
  }

  /** Embeds the Unicode fallback if any of these texts needs it; call before drawing them (drawing is synchronous). */
  async prepare(texts: Iterable<string>): Promise<void> {
    if (this.unicode) return;
    for (const t of texts) {
      if (!isWinAnsi(cleanText(t))) {
        const bytes = await this.ttf();
        this.doc.registerFontkit(subsettingFontkit as never);
        const [regular, bold] = await Promise.all([this.doc.embedFont(bytes.regular, { subset: true }), this.doc.embedFont(bytes.bold, { subset: true })]);
        this.unicode = { regular, bold };
        return;
      }
    }
  }

  get hasUnicodeFont(): boolean {
    return this.unicode !== null;
  }

  /** Width of this (cleaned) text at `size` points: linear in the size, so measured once at 1 pt. */
  widthAt(text: string, isBold: boolean | undefined, size: number): number {
    const font = this.pick(text, isBold);
    let widths = this.unitWidths.get(font);
    if (!widths) this.unitWidths.set(font, (widths = new Map()));
    let w = widths.get(text);
    if (w === undefined) widths.set(text, (w = font.widthOfTextAtSize(text, 1)));
    return w * size;
  }

  /**
   * `text` (cleaned) in `font`'s encoding as a PDF string: "(…)" for Helvetica and Latin-1, else
   * pdf-lib's hex "<…>". For the subset fonts this also records the glyphs to embed, so it must be
   * called for every text drawn with them.
   */
  encode(font: PDFFont, text: string): string {
    if ((font === this.standard.regular || font === this.standard.bold) && LATIN1_PRINTABLE.test(text)) {
      const table = latin1LiteralTable();
      let out = '(';
      for (let i = 0; i < text.length; i++) out += table[text.charCodeAt(i)];
      return `${out})`;
    }
    return font.encodeText(text).toString();
  }

  /** The font to draw this (cleaned) text with. */
  pick(text: string, isBold = false): PDFFont {
    const pair = isWinAnsi(text) ? this.standard : this.unicode;
    if (!pair) throw new Error(`Text needs the Unicode font but prepare() did not see it: ${JSON.stringify(text.slice(0, 40))}`);
    return isBold ? pair.bold : pair.regular;
  }
}
