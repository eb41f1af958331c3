// EXIF orientation of a JPEG (phone photos of delivery tickets are stored sideways with a tag
// saying how to turn them). PDF viewers ignore EXIF, so the backup draws the image turned as the
// tag says. Tag 0x0112 in IFD0 of the APP1 "Exif" segment, values 1–8 (EXIF 2.3, section 4.6.4 A):
// 1 as stored, 2 mirrored, 3 turned 180°, 4 mirrored vertically, 5 transposed, 6 turned 90° clockwise,
// 7 transversed, 8 turned 90° counter-clockwise.

/** The orientation tag, or 1 when there is none (or it cannot be read). Reads headers only. */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2; // after SOI
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // image data: no more headers
    const length = view.getUint16(i + 2);
    if (marker === 0xe1 && length >= 16 && String.fromCharCode(...bytes.subarray(i + 4, i + 10)) === 'Exif\0\0') {
      const o = orientationInTiff(view, i + 10, i + 2 + length);
      if (o !== null) return o;
    }
    i += 2 + length;
  }
  return 1;
}

function orientationInTiff(view: DataView, tiff: number, end: number): number | null {
  if (tiff + 8 > end) return null;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return null;
  const count = view.getUint16(ifd, little);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > end) return null;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little); // SHORT, stored left-aligned in the value field
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** Orientations 5–8 turn the image a quarter: its displayed width is its stored height. */
export const swapsAxes = (orientation: number) => orientation >= 5 && orientation <= 8;

/**
 * The PDF matrix (a b c d e f, for `cm`) that draws the image's unit square into `box` (the
 * displayed width × height at x, y) turned as the orientation says. In the unit square u runs
 * along the stored width and v up the stored height (the stored top row is v = 1).
 */
export function orientationMatrix(
  orientation: number,
  box: { x: number; y: number; width: number; height: number },
): [number, number, number, number, number, number] {
  const { x, y, width: w, height: h } = box;
  switch (orientation) {
    case 2:
      return [-w, 0, 0, h, x + w, y]; // mirrored left–right
    case 3:
      return [-w, 0, 0, -h, x + w, y + h]; // 180°
    case 4:
      return [w, 0, 0, -h, x, y + h]; // mirrored top–bottom
    case 5:
      return [0, -h, -w, 0, x + w, y + h]; // transposed: stored top row → left column, left column → top row
    case 6:
      return [0, -h, w, 0, x, y + h]; // 90° clockwise: stored top row → right column
    case 7:
      return [0, h, w, 0, x, y]; // transversed: top row → right column, left column → bottom row
    case 8:
      return [0, h, -w, 0, x + w, y]; // 90° counter-clockwise: stored top row → left column
    default:
      return [w, 0, 0, h, x, y];
  }
}
