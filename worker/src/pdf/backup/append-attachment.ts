import { concatTransformationMatrix, drawObject, ParseSpeeds, PDFDocument, popGraphicsState, pushGraphicsState, type PDFImage } from '@cantoo/pdf-lib';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { drawText, fitText, gray } from '../draw';
import type { DocFonts } from '../fonts';
import { LANDSCAPE, PORTRAIT } from '../page-parts';
import { jpegOrientation, orientationMatrix, swapsAxes } from './jpeg-orientation';
import type { ExclusionReason } from './types';

/** A PNG is decoded to RGBA before it is re-compressed into the PDF: 12 MP ≈ 48 MB while embedding. */
export const PNG_MEGAPIXEL_LIMIT = 12;

export type AppendResult = { isIncluded: true; pageCount: number } | { isIncluded: false; reason: ExclusionReason };

type Kind = 'pdf' | 'png' | 'jpeg';

/** What the bytes are, whatever the upload claimed: PDF header (may follow some junk), PNG or JPEG signature. */
export function sniffKind(bytes: Uint8Array): Kind | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-') ? 'pdf' : null;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), before decoding anything. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Appends one attachment's pages to `doc`: a PDF's pages as they are (an owner-password-only
 * encryption, typical of e-signed files, is opened with the empty user password), an image as a
 * Letter page. A file that cannot be read comes back with the reason, and `doc` is unchanged.
 */
export async function appendAttachment(
  doc: PDFDocument,
  fonts: DocFonts,
  labels: PdfLabels,
  bytes: Uint8Array,
  meta: { fileName: string; contentType: string; invoiceNumber: number },
): Promise<AppendResult> {
  const kind = sniffKind(bytes);
  if (kind === 'pdf') return appendPdf(doc, bytes);
  if (kind === 'png' || kind === 'jpeg') {
    if (kind === 'png') {
      const size = pngSize(bytes);
      if (size && size.width * size.height > PNG_MEGAPIXEL_LIMIT * 1_000_000) {
        return { isIncluded: false, reason: { code: 'image_too_large', widthPx: size.width, heightPx: size.height, limitMegapixels: PNG_MEGAPIXEL_LIMIT } };
      }
    }
    let image: PDFImage;
    try {
      image = kind === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    } catch {
      return { isIncluded: false, reason: { code: 'corrupt' } };
    }
    await placeImage(doc, fonts, labels, image, meta, kind === 'jpeg' ? jpegOrientation(bytes) : 1);
    return { isIncluded: true, pageCount: 1 };
  }
  return { isIncluded: false, reason: { code: 'unsupported_type', contentType: meta.contentType || 'unknown' } };
}

async function appendPdf(doc: PDFDocument, bytes: Uint8Array): Promise<AppendResult> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { password: '', updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    // @cantoo/pdf-lib: "NEEDS PASSWORD" when the empty user password does not open it
    const message = String((err as Error)?.message ?? err);
    return { isIncluded: false, reason: { code: /needs password|password incorrect/i.test(message) ? 'needs_password' : 'corrupt' } };
  }
  let pages;
  try {
    const count = source.getPageCount();
    if (count === 0) return { isIncluded: false, reason: { code: 'corrupt' } };
    pages = await doc.copyPages(source, source.getPageIndices());
  } catch {
    // a damaged page tree: nothing was added to doc yet
    return { isIncluded: false, reason: { code: 'corrupt' } };
  }
  for (const p of pages) doc.addPage(p);
  return { isIncluded: true, pageCount: pages.length };
}

/**
 * The image on its own Letter page (orientation follows the image as displayed), scaled to fit with
 * a caption, aspect kept. A JPEG's EXIF orientation is applied (jpeg-orientation.ts): PDF viewers
 * ignore it, so a phone photo would otherwise come out sideways.
 */
async function placeImage(
  doc: PDFDocument,
  fonts: DocFonts,
  labels: PdfLabels,
  image: PDFImage,
  meta: { fileName: string; invoiceNumber: number },
  orientation: number,
): Promise<void> {
  const shown = swapsAxes(orientation) ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
  const size = shown.width > shown.height ? LANDSCAPE : PORTRAIT;
  const page = doc.addPage([size.width, size.height]);
  const margin = 36;
  const captionHeight = 18;
  const caption = labels.backup.attachmentCaption(meta.fileName, meta.invoiceNumber);
  await fonts.prepare([caption]);
  const st = fitText(fonts, caption, { size: 7.5, color: gray }, size.width - 2 * margin);
  drawText(page, fonts, st.text, margin, size.height - margin + 4, st);
  const box = { width: size.width - 2 * margin, height: size.height - 2 * margin - captionHeight };
  // never enlarge a small scan beyond 2× (it would only look blurrier), always shrink a large one
  const scale = Math.min(box.width / shown.width, box.height / shown.height, 2);
  const w = shown.width * scale;
  const h = shown.height * scale;
  const at = { x: margin + (box.width - w) / 2, y: margin + (box.height - h) / 2, width: w, height: h };
  // What page.drawImage does (an image XObject drawn into its unit square through `cm`), with the
  // orientation's matrix instead of a plain scale.
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...orientationMatrix(orientation, at)), drawObject(name), popGraphicsState());
  // Embed now so the decoded pixels are released, instead of piling up until save().
  await image.embed();
}
