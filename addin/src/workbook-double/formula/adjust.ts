// References follow the cells they point at when rows or columns are inserted or deleted, a sheet
// is renamed or deleted — Excel's rules, applied to a tree whose coordinates are absolute (parsed
// for the cell A1, so every coordinate is its own position; see parseAbsolute).
//
// "Insert or delete rows and columns" (https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246)
// and Range.insert/delete (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)):
// formulas' references adjust; a range grows when cells are inserted inside it (between its first
// and last row) and shrinks when some of its cells are deleted; a reference to a deleted cell, or
// to a range whose cells are all deleted, becomes #REF! ("How to correct a #REF! error",
// https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d14-a1c0-02e3fd1e5ed4).
// References to a deleted sheet become #REF! too (same page), and a renamed sheet's name is
// rewritten in every formula that names it.

import type { Node, RefNode } from './ast';
import { tokenize } from './lexer';
import { parseTokens, quoteIfNeeded } from './parser';
import { printFormula } from './print';

export type Axis = 'row' | 'col';

/** Rewrites every reference of `tree`; `fn` returns the same node when nothing changed. */
function mapRefs(tree: Node, fn: (r: RefNode) => Node): Node {
  const m = (n: Node): Node => {
    switch (n.k) {
      case 'ref':
        return fn(n);
      case 'neg':
      case 'plus':
      case 'pct':
      case 'paren': {
        const a = m(n.a);
        return a === n.a ? n : { ...n, a };
      }
      case 'bin': {
        const a = m(n.a);
        const b = m(n.b);
        return a === n.a && b === n.b ? n : { ...n, a, b };
      }
      case 'call': {
        const args = n.args.map(m);
        return args.every((x, i) => x === n.args[i]) ? n : { ...n, args };
      }
      default:
        return n;
    }
  };
  return m(tree);
}

const refError = (r: RefNode): Node =>
  r.sheet === null ? { k: 'err', code: '#REF!', text: '#REF!' } : { k: 'err', code: '#REF!', text: `${quoteIfNeeded(r.sheet)}!#REF!` };

/**
 * `count` rows (or columns) inserted (> 0) or deleted (< 0) at index `at` of sheet `target`, seen
 * from a formula on sheet `home`.
 */
export function shiftRefs(tree: Node, home: string, target: string, axis: Axis, at: number, count: number): Node {
  const t = target.toLowerCase();
  return mapRefs(tree, (r) => {
    if ((r.sheet ?? home).toLowerCase() !== t) return r;
    const lo = axis === 'row' ? r.r0 : r.c0;
    const hi = axis === 'row' ? r.r1 : r.c1;
    let nlo: number;
    let nhi: number;
    if (count > 0) {
      nlo = lo >= at ? lo + count : lo;
      nhi = hi >= at ? hi + count : hi;
    } else {
      const end = at - count; // first index after the deleted ones
      if (lo >= at && hi < end) return refError(r);
      nlo = lo < at ? lo : lo >= end ? lo + count : at;
      nhi = hi < at ? hi : hi >= end ? hi + count : at - 1;
    }
    if (nlo === lo && nhi === hi) return r;
    return axis === 'row' ? { ...r, r0: nlo, r1: nhi } : { ...r, c0: nlo, c1: nhi };
  });
}

export function renameRefs(tree: Node, from: string, to: string): Node {
  const f = from.toLowerCase();
  return mapRefs(tree, (r) => (r.sheet !== null && r.sheet.toLowerCase() === f ? { ...r, sheet: to } : r));
}

/** Excel writes a reference to a deleted sheet as #REF!A1. */
export function dropSheetRefs(tree: Node, removed: string): Node {
  const f = removed.toLowerCase();
  return mapRefs(tree, (r) => {
    if (r.sheet === null || r.sheet.toLowerCase() !== f) return r;
    return { k: 'err', code: '#REF!', text: `#REF!${printFormula({ ...r, sheet: null }).slice(1)}` };
  });
}

/**
 * Moves a formula by `rows` rows as a copy, fill or sort does: relative row references move with
 * it, absolute ($) ones stay ("Switch between relative, absolute, and mixed references",
 * https://support.microsoft.com/office/switch-between-relative-absolute-and-mixed-references-dfec08cd-ae65-4f56-839e-5f0d8d0baca9).
 */
/** A formula's tree with absolute coordinates (for adjusting and printing it). */
export function parseAbsolute(formula: string): Node {
  return parseTokens(tokenize(formula.slice(1)), 0, 0);
}

export function moveRelativeRows(tree: Node, rows: number): Node {
  return mapRefs(tree, (r) => {
    if (r.ar0 && r.ar1) return r;
    const r0 = r.ar0 ? r.r0 : r.r0 + rows;
    const r1 = r.ar1 ? r.r1 : r.r1 + rows;
    return r0 < 0 || r1 < 0 ? refError(r) : { ...r, r0, r1 };
  });
}
