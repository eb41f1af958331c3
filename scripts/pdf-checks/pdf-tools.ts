// Poppler and qpdf for the Node-side PDF checks. On a developer machine without them the checks
// that need them are skipped with a plain message; in CI (CI set) a missing tool is a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm', 'qpdf'] as const;

export const missingTools = TOOLS.filter((t) => spawnSync('which', [t]).status !== 0);

if (missingTools.length) {
  const message = `PDF checks need ${missingTools.join(', ')} (Debian: apt-get install -y qpdf poppler-utils)`;
  if (process.env.CI) throw new Error(`${message}; CI must have them`);
  console.warn(`SKIPPED: ${message}; the tests that read PDFs with them are skipped on this machine.`);
}

export const hasTools = missingTools.length === 0;

const dir = mkdtempSync(join(tmpdir(), 'pdf-checks-'));
let n = 0;

/** Writes the bytes to a temporary file and returns its path. */
export function tempPdf(bytes: Uint8Array): string {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** pdftotext -layout of one page (1-based) or all pages. */
export function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' });
}

/** pdftotext -raw of one page: the text in content-stream order, without -layout's line-grouping heuristics. */
export function pdfRawText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pdfFonts(path: string): Array<{ name: string; type: string; embedded: boolean; subset: boolean }> {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID: the flags are the 5th-3rd last columns
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' };
  });
}

/** qpdf --check: the file's structure is valid (exit 0; 3 = warnings only). */
export function qpdfCheck(path: string): { status: number; output: string } {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** One page (1-based) rasterised by pdftoppm: RGB bytes, 3 per pixel, row by row (a binary PPM's body). */
export function pdfPagePixels(path: string, page: number, dpi = 50): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path], { maxBuffer: 32 * 1024 * 1024 });
  // header: "P6\n<width> <height>\n255\n"
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm did not write a binary PPM for page ${page} of ${path}`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}
