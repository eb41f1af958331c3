// Writes the add-in's icons (16, 32, 64, 80 px PNG) with nothing but zlib, so they can be
// regenerated anywhere: `node addin/assets/make-icons.mjs`. The PNGs are committed; the manifest
// and the ribbon reference them at /assets/icons/icon-<size>.png.
//
// The picture: a rounded green tile (Excel's family colour) carrying a white sheet with a header
// band and grid rows, and a gold coin in the corner — "billing in a workbook". It is drawn as
// signed-distance shapes sampled 4×4 per pixel, so the small sizes stay anti-aliased.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'icons');
const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;

const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];
const BAND = [198, 230, 210];
const LINE = [120, 170, 140];
const GOLD = [242, 176, 32];
const GOLD_DARK = [176, 112, 0];

// Signed distance to a rounded rectangle centred at (cx, cy) with half-sizes (hw, hh), radius r.
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

// Colour of one sample point in unit coordinates (0..1), or null for transparent.
function sample(x, y) {
  let colour = null;
  if (roundedRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.16) <= 0) colour = GREEN;
  // the sheet
  if (roundedRect(x, y, 0.46, 0.5, 0.28, 0.33, 0.04) <= 0) {
    colour = WHITE;
    if (y < 0.31) colour = BAND;
    // grid rows and one column rule
    const rows = [0.43, 0.55, 0.67];
    if (rows.some((r) => Math.abs(y - r) < 0.018) && x > 0.21 && x < 0.71) colour = LINE;
    if (Math.abs(x - 0.4) < 0.015 && y > 0.31) colour = LINE;
  }
  // the coin, overlapping the sheet's lower-right corner
  const d = Math.hypot(x - 0.74, y - 0.74);
  if (d <= 0.2) colour = d > 0.16 ? GOLD_DARK : GOLD;
  if (d <= 0.2 && Math.abs(x - 0.74) < 0.025 && Math.abs(y - 0.74) < 0.1) colour = WHITE;
  return colour;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      // colours averaged over covered samples only (no dark fringe); alpha = coverage
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size) {
  const rgba = render(size);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // scanlines, each prefixed with filter type 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(join(outDir, `icon-${size}.png`), png(size));
    console.log(`wrote ${join(outDir, `icon-${size}.png`)}`);
  }
}
