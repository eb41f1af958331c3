// The double's formula engine against HyperFormula (the engine the double used before, kept as a
// dev dependency for this test only): random G703, G702 and Aging sheets built by the add-in's own
// planners (planG703, planG702, planAgingSheet), with random numbers, empty cells, text, numeric
// text, logicals and error cells in their inputs; every formula cell must compute the same value.

import { HyperFormula, type RawCellContent } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { agingBuckets } from '@shared/payments/clock';
import type { CellValue } from '../../excel/units';
import { planAgingSheet, type AgingReport } from '../../excel/aging-plan';
import { planG702 } from '../../excel/g702-plan';
import { planG703 } from '../../excel/layout';
import { largeView } from '../demo-views';
import { Book } from '../model';

/** mulberry32: a small seeded generator, so a failure is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Grid = { name: string; cells: CellValue[][]; textCols?: Set<number> };

/** An input value a user could have typed, or the sheet could hold. */
function randomInput(rnd: () => number, original: CellValue, allowLogical = true): CellValue {
  const pick = rnd();
  if (pick < 0.35) return original;
  if (pick < 0.55) return Math.round((rnd() - 0.3) * 2_000_000) / 100; // cents as dollars
  if (pick < 0.62) return Math.round(rnd() * 99_999_999) / 10_000; // quantities, 4 decimals
  if (pick < 0.7) return '';
  if (pick < 0.76) return ['abc', 'n/a', ' ', 'TRUE'][Math.floor(rnd() * 4)];
  if (pick < 0.84) return [' 12.5 ', '-3', '1e3', '5%', '$7', '0.1', '+4.25'][Math.floor(rnd() * 7)];
  if (pick < 0.9) return allowLogical ? rnd() < 0.5 : original;
  if (pick < 0.95) return ['=1/0', '=#N/A', '="x"+1', '=#REF!'][Math.floor(rnd() * 4)];
  return 0;
}

const isFormula = (v: CellValue) => typeof v === 'string' && v.startsWith('=') && v.length > 1;

function randomSheets(seed: number): Grid[] {
  const rnd = random(seed);
  const method = rnd() < 0.5 ? 'amount' : 'unit';
  const grouped = rnd() < 0.5;
  const view = largeView(20 + Math.floor(rnd() * 40), { method, groupSize: grouped ? 7 : undefined });
  const terms = rnd() < 0.8 ? { workRetainageBps: 1000, storedRetainageBps: [0, 500, 1000][Math.floor(rnd() * 3)], retainageReduction: null } : null;
  const layout = planG703(view, { grouped, terms });
  const g703: CellValue[][] = [];
  const kindCol = layout.cols.list.findIndex((c) => c.key === 'kind');
  for (const row of layout.rows) {
    g703[row.row] = row.cells.map((v, c) => {
      if (isFormula(v)) return v;
      if (c === kindCol) return rnd() < 0.85 ? v : ['LINE', 'subtotal', '', 'line '][Math.floor(rnd() * 4)];
      // a logical in a column the G702 sums with SUMIFS is refused by the double (functions.ts)
      return randomInput(rnd, v, !layout.cols.list[c].isSummed);
    });
  }
  const g703Name = 'G703 #3';
  const g702 = planG702(view, layout, g703Name).grid.map((row) => row.map((v, c) => (c === 0 || isFormula(v) ? v : randomInput(rnd, v))));
  const zero = Object.fromEntries(agingBuckets.map((b) => [b, 0])) as Record<(typeof agingBuckets)[number], number>;
  const report: AgingReport = {
    asOf: '2027-03-31',
    kind: 'prime',
    rows: Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => ({
      contractNumber: i + 1,
      contractTitle: `Contract ${i + 1}`,
      counterpartyName: 'Owner LLC',
      buckets: Object.fromEntries(agingBuckets.map((b) => [b, Math.floor(rnd() * 1_000_000)])) as typeof zero,
      totalOpenCents: 0,
      retainageHeldCents: Math.floor(rnd() * 100_000),
      invoices: [],
    })),
  };
  const aging: CellValue[][] = [];
  for (const block of planAgingSheet(report, 'Demo', 'en').blocks)
    block.cells.forEach((row, i) => {
      aging[block.row + i] = row.map((v, c) => (isFormula(v) || block.style !== 'data' || c < 2 ? v : randomInput(rnd, v)));
    });
  return [
    { name: g703Name, cells: g703 },
    { name: 'G702', cells: g702 },
    { name: 'Aging', cells: aging },
  ];
}

/** What the double computes for every formula cell. */
function ours(sheets: Grid[]): Map<string, unknown> {
  const book = new Book();
  for (const g of sheets) book.addSheet(g.name);
  for (const g of sheets) {
    const s = book.sheet(g.name)!;
    g.cells.forEach((row, r) => row?.forEach((v, c) => s.write(r, c, v, false, false)));
  }
  const out = new Map<string, unknown>();
  for (const g of sheets) {
    const s = book.sheet(g.name)!;
    g.cells.forEach((row, r) => row?.forEach((v, c) => isFormula(v) && out.set(`${g.name}!${r},${c}`, s.valueAt(r, c))));
  }
  return out;
}

/** What HyperFormula computes, fed the way the double fed it (text with a leading apostrophe, '' as empty). */
function theirs(sheets: Grid[]): Map<string, unknown> {
  const raw: Record<string, RawCellContent[][]> = {};
  for (const g of sheets)
    raw[g.name] = Array.from(g.cells, (row) =>
      Array.from(row ?? [], (v) => (isFormula(v) ? (v as string) : typeof v === 'string' ? (v === '' ? null : `'${v}`) : (v ?? null))),
    );
  const hf = HyperFormula.buildFromSheets(raw, { licenseKey: 'gpl-v3' });
  const out = new Map<string, unknown>();
  for (const g of sheets) {
    const id = hf.getSheetId(g.name)!;
    g.cells.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (!isFormula(v)) return;
        const got = hf.getCellValue({ sheet: id, row: r, col: c });
        out.set(`${g.name}!${r},${c}`, got === null || got === undefined ? 0 : typeof got === 'object' ? (got as { value: string }).value : got);
      }),
    );
  }
  hf.destroy();
  return out;
}

/**
 * HyperFormula rounds each number it returns to 11 significant digits (its smartRounding with
 * precisionRounding 10, Exporter.cellValueRounding); Excel returns the double itself (model.ts
 * Book.computed). Our value is compared after the same rounding; everything else must be equal.
 */
function asHyperFormulaReturns(v: unknown): unknown {
  if (typeof v !== 'number' || v === 0) return v;
  const m = 10 ** (10 - Math.floor(Math.log10(Math.abs(v))));
  return v < 0 ? -Math.round(-v * m) / m : Math.round(v * m) / m;
}

describe('the double computes what HyperFormula computes, on the formulas the add-in writes', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`random G703, G702 and Aging sheets, seed ${seed}`, () => {
      const sheets = randomSheets(seed);
      const a = ours(sheets);
      const b = theirs(sheets);
      expect(a.size).toBeGreaterThan(100);
      const differ = [...a]
        .filter(([k, v]) => asHyperFormulaReturns(v) !== b.get(k))
        .map(([k, v]) => `${k}: ours ${String(v)}, HyperFormula ${String(b.get(k))}`);
      expect(differ).toEqual([]);
    });
  }

  it('the inputs really vary: errors, text and numbers reach the formulas', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) for (const v of ours(randomSheets(seed)).values()) seen.add(typeof v === 'string' ? v : typeof v);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['#DIV/0!', '#N/A', '#VALUE!', 'number']));
  });
});
