// Every defineLabels catalogue of the product (found by scanning the source, so a feature's new
// labels.ts is checked without being listed here), for what the types cannot check: a Spanish or
// French label that is empty, that drops a {placeholder} of the English template, or whose function
// leaves out a value the English one shows ("Invoice #3" → "Factura" without the 3).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '@shared/i18n/define-labels';

const root = join(import.meta.dirname, '../../..');
const skip = /node_modules|\.test\.tsx?$|define-labels\.ts$|e2e|workbook-double/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !skip.test(f) && /defineLabels[<(]/.test(readFileSync(join(root, f), 'utf8')));
}

const isCatalogue = (v: unknown): v is Catalogue<unknown> => typeof v === 'function' && 'byLocale' in v;

/**
 * A stand-in argument that shows up in the text wherever the label uses it (or any of its fields);
 * string methods work on it as on its text (`rate.replace('.', ',')`).
 */
function marker(name: string): unknown {
  const text = `⟦${name}⟧`;
  const method = (key: string) => (String.prototype as unknown as Record<string, unknown>)[key];
  return new Proxy(
    {},
    {
      get: (_, key) => {
        if (key === Symbol.toPrimitive) return () => text;
        if (typeof key !== 'string') return undefined;
        const m = method(key);
        return typeof m === 'function' ? m.bind(text) : `⟦${name}.${key}⟧`;
      },
    },
  );
}
const markersIn = (text: string) => [...new Set(text.match(/⟦[^⟧]+⟧/g) ?? [])].sort();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Each leaf of the English labels beside the same leaf in another language. */
function compare(en: unknown, other: unknown, path: string, problems: string[]): void {
  if (typeof en === 'string') {
    if (typeof other !== 'string' || !other.trim()) problems.push(`${path}: empty or missing`);
    else if (placeholders(en).join() !== placeholders(other).join()) problems.push(`${path}: placeholders {${placeholders(other)}} ≠ {${placeholders(en)}}`);
  } else if (typeof en === 'function') {
    if (typeof other !== 'function') return void problems.push(`${path}: not a function`);
    const args = Array.from({ length: en.length }, (_, i) => marker(String(i)));
    let shown: unknown;
    try {
      shown = en(...args);
    } catch {
      return; // a label that computes with its values (e.g. toLowerCase): nothing generic to compare
    }
    if (typeof shown !== 'string') return;
    const out = String(other(...args));
    const lost = markersIn(shown).filter((m) => !out.includes(m));
    if (!out.trim() || lost.length) problems.push(`${path}: ${out.trim() ? `leaves out ${lost.join(', ')}` : 'empty'}`);
  } else if (en && typeof en === 'object') {
    for (const [k, v] of Object.entries(en)) compare(v, (other as Record<string, unknown> | undefined)?.[k], `${path}.${k}`, problems);
    const extra = Object.keys(other ?? {}).filter((k) => !(k in en));
    if (extra.length) problems.push(`${path}: keys English does not have: ${extra.join(', ')}`);
  }
}

describe('translated labels', () => {
  const files = [...sourceFiles('shared'), ...sourceFiles('addin/src')];

  it('finds the catalogues', () => {
    expect(files).toEqual(expect.arrayContaining(['shared/i18n/pdf-labels.ts', 'shared/i18n/email-labels.ts', 'addin/src/i18n/index.ts']));
  });

  it.each(files)('%s: Spanish and French show what English shows', async (file) => {
    const mod = (await import(/* @vite-ignore */ join(root, file))) as Record<string, unknown>;
    const catalogues = Object.entries(mod).filter(([, v]) => isCatalogue(v)) as [string, Catalogue<unknown>][];
    expect(catalogues.length, `${file} exports its catalogue`).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [name, c] of catalogues) for (const lang of ['es', 'fr'] as const) compare(c.byLocale.en, c.byLocale[lang], `${name}.${lang}`, problems);
    expect(problems).toEqual([]);
  });

  it('catches a translation that drops a value', () => {
    const problems: string[] = [];
    compare({ n: (n: number) => `Invoice #${n}`, s: 'Hi {name}' }, { n: () => 'Factura', s: 'Hola' }, 'x', problems);
    expect(problems).toEqual(['x.n: leaves out ⟦0⟧', 'x.s: placeholders {} ≠ {name}']);
  });
});
