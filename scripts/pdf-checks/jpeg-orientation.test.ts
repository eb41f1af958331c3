// JPEG EXIF orientation in compiled backups: the fixture delivery ticket has no EXIF (JFIF only),
// so the test gives it an APP1 Exif segment with an Orientation tag, as a phone camera writes it.
import { PDFDocument } from '@cantoo/pdf-lib';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import { appendAttachment } from '../../worker/src/pdf/backup/append-attachment';
import { jpegOrientation, orientationMatrix } from '../../worker/src/pdf/backup/jpeg-orientation';
import { DocFonts } from '../../worker/src/pdf/fonts';
import { LANDSCAPE, PORTRAIT } from '../../worker/src/pdf/page-parts';
import { nodeTtf } from './node-fonts';
import { attachmentsDir } from './sample-invoices';

const ticket = new Uint8Array(readFileSync(`${attachmentsDir}delivery-ticket.jpg`));

/** The JPEG with an APP1 Exif segment right after SOI holding IFD0 { Orientation = value }. */
function withOrientation(jpeg: Uint8Array, value: number, byteOrder: 'MM' | 'II' = 'MM'): Uint8Array {
  const le = byteOrder === 'II';
  const tiff = new DataView(new ArrayBuffer(26));
  tiff.setUint8(0, byteOrder.charCodeAt(0));
  tiff.setUint8(1, byteOrder.charCodeAt(1));
  tiff.setUint16(2, 42, le);
  tiff.setUint32(4, 8, le); // IFD0 at offset 8
  tiff.setUint16(8, 1, le); // one entry
  tiff.setUint16(10, 0x0112, le); // Orientation
  tiff.setUint16(12, 3, le); // SHORT
  tiff.setUint32(14, 1, le); // count
  tiff.setUint16(18, value, le); // value, left-aligned
  tiff.setUint32(22, 0, le); // no next IFD
  const body = new Uint8Array([...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat([...new Uint8Array(tiff.buffer)]));
  const segment = new Uint8Array([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  return new Uint8Array([...jpeg.subarray(0, 2), ...segment, ...jpeg.subarray(2)]);
}

async function placed(bytes: Uint8Array) {
  const doc = await PDFDocument.create();
  const fonts = await DocFonts.create(doc, nodeTtf);
  const r = await appendAttachment(doc, fonts, pdfLabels('en'), bytes, { fileName: 'ticket.jpg', contentType: 'image/jpeg', invoiceNumber: 1 });
  expect(r).toEqual({ isIncluded: true, pageCount: 1 });
  const page = doc.getPage(0);
  // the saved file's content streams, inflated (pdf-lib deflates them)
  const saved = Buffer.from(await doc.save({ useObjectStreams: false }));
  let text = '';
  for (const m of saved.toString('latin1').matchAll(/stream\r?\n/g)) {
    const from = m.index! + m[0].length;
    const to = saved.indexOf('endstream', from, 'latin1');
    try {
      text += inflateSync(saved.subarray(from, to)).toString('latin1');
    } catch {
      /* not deflated (or not a content stream) */
    }
  }
  return { size: page.getSize(), cm: /([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\s*\/Image/.exec(text)?.slice(1).map(Number) };
}

describe('JPEG EXIF orientation', () => {
  it('the fixture has no orientation tag (1); the tag is read in both byte orders', () => {
    expect(jpegOrientation(ticket)).toBe(1);
    for (const o of [1, 3, 6, 8]) {
      expect(jpegOrientation(withOrientation(ticket, o, 'MM'))).toBe(o);
      expect(jpegOrientation(withOrientation(ticket, o, 'II'))).toBe(o);
    }
    expect(jpegOrientation(withOrientation(ticket, 9))).toBe(1); // not a valid value: as stored
  });

  it('orientation 6 (stored portrait, shown turned 90° clockwise) makes a landscape page with the image turned', async () => {
    // delivery-ticket.jpg is 340 × 440 px (SOF0), portrait as stored
    const plain = await placed(ticket);
    expect(plain.size).toEqual({ width: PORTRAIT.width, height: PORTRAIT.height });
    expect(plain.cm?.[1]).toBe(0); // no rotation: b = c = 0
    expect(plain.cm?.[2]).toBe(0);

    const turned = await placed(withOrientation(ticket, 6));
    expect(turned.size).toEqual({ width: LANDSCAPE.width, height: LANDSCAPE.height });
    const [a, b, c, d, e, f] = turned.cm!;
    // displayed 440 × 340 scaled into the landscape box; the stored width runs down the page
    expect([a, d]).toEqual([0, 0]);
    expect(b).toBeLessThan(0);
    expect(c).toBeGreaterThan(0);
    expect(c / -b).toBeCloseTo(440 / 340, 2); // displayed width : displayed height
    expect(f + b).toBeCloseTo(36 + (LANDSCAPE.height - 72 - 18 - -b) / 2, 1); // bottom edge centred in the box
    expect(e).toBeCloseTo(36 + (LANDSCAPE.width - 72 - c) / 2, 1);
  });

  it('every orientation maps the stored top-left corner where EXIF says it is shown', () => {
    const box = { x: 10, y: 20, width: 100, height: 50 };
    // the stored top-left pixel is (u, v) = (0, 1); where it lands, by orientation
    const topLeft = (o: number) => {
      const [a, b, c, d, e, f] = orientationMatrix(o, box);
      return [a * 0 + c * 1 + e, b * 0 + d * 1 + f];
    };
    expect(topLeft(1)).toEqual([10, 70]); // top-left
    expect(topLeft(2)).toEqual([110, 70]); // top-right
    expect(topLeft(3)).toEqual([110, 20]); // bottom-right
    expect(topLeft(4)).toEqual([10, 20]); // bottom-left
    expect(topLeft(5)).toEqual([10, 70]); // top-left
    expect(topLeft(6)).toEqual([110, 70]); // top-right
    expect(topLeft(7)).toEqual([110, 20]); // bottom-right
    expect(topLeft(8)).toEqual([10, 20]); // bottom-left
  });
});
