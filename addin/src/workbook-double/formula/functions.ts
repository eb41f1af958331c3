// The worksheet functions the add-in writes: SUM, MAX, MIN, ROUND, IF, SUMIFS. A formula naming
// any other function is refused where it is written (parser.ts), never computed approximately.

import { CellError, type Node, type Operand, type RefNode, type Value } from './ast';
import { VALUE, ValueRefusal, add, round, toNumber } from './values';

/** What a function sees of the engine: arguments evaluated on demand, ranges as their cells' values. */
export interface Evaluator {
  value(n: Node): Operand;
  /** the values of a reference's cells, row by row (null for an empty cell); #REF! for a missing sheet */
  cells(ref: RefNode): { rows: number; cols: number; values: Operand[] } | CellError;
}

type Fn = {
  min: number;
  max: number;
  /** argument i may be a range */
  rangeArg: (i: number) => boolean;
  /** argument i must be a reference (a range or a cell) */
  refArg: (i: number) => boolean;
  run: (args: Node[], ev: Evaluator) => Value | null;
};

/**
 * Numbers of SUM/MAX/MIN's arguments. "If an argument is an array or reference, only numbers in
 * that array or reference are counted. Empty cells, logical values, or text in the array or
 * reference are ignored" (SUM, https://support.microsoft.com/office/sum-function-043e1c7d-7726-4e80-8f32-07b23e057f89;
 * MAX, https://support.microsoft.com/office/max-function-e0012414-9ac8-4b34-9a47-73e662c08098,
 * says the same and adds that "logical values and text representations of numbers that you type
 * directly into the list of arguments are counted", and that text that cannot be translated into
 * numbers typed directly causes errors). An error anywhere is the result.
 */
function numbersOf(args: Node[], ev: Evaluator, each: (n: number) => void): CellError | null {
  for (const a of args) {
    if (a.k === 'ref' && !a.range) {
      // one cell, still a reference: only a number in it counts
      const v = ev.value(a);
      if (typeof v === 'number') each(v);
      else if (v instanceof CellError) return v;
      continue;
    }
    if (a.k === 'ref') {
      const got = ev.cells(a);
      if (got instanceof CellError) return got;
      for (const v of got.values) {
        if (typeof v === 'number') each(v);
        else if (v instanceof CellError) return v;
      }
      continue;
    }
    const v = ev.value(a);
    if (v === null) continue;
    const n = toNumber(v);
    if (n instanceof CellError) return n;
    each(n);
  }
  return null;
}

const never = () => false;
const always = () => true;

const extreme =
  (pick: (a: number, b: number) => number): Fn['run'] =>
  (args, ev) => {
    let best: number | null = null;
    const err = numbersOf(args, ev, (n) => {
      best = best === null ? n : pick(best, n);
    });
    // "If the arguments contain no numbers, MAX returns 0 (zero)." (MAX page above; MIN likewise)
    return err ?? best ?? 0;
  };

/** One argument as a number (ROUND's): a cell's text converts as in arithmetic. */
function numberArg(n: Node, ev: Evaluator): number | CellError {
  return toNumber(ev.value(n));
}

export const FUNCTIONS: Record<string, Fn> = {
  SUM: {
    min: 1,
    max: 255,
    rangeArg: always,
    refArg: never,
    run: (args, ev) => {
      // Added left to right with the near-zero correction of values.ts add().
      let total = 0;
      return (
        numbersOf(args, ev, (n) => {
          total = add(total, n);
        }) ?? total
      );
    },
  },
  MAX: { min: 1, max: 255, rangeArg: always, refArg: never, run: extreme(Math.max) },
  MIN: { min: 1, max: 255, rangeArg: always, refArg: never, run: extreme(Math.min) },
  ROUND: {
    min: 2,
    max: 2,
    rangeArg: never,
    refArg: never,
    run: (args, ev) => {
      const x = numberArg(args[0], ev);
      if (x instanceof CellError) return x;
      const d = numberArg(args[1], ev);
      if (d instanceof CellError) return d;
      return round(x, d);
    },
  },
  IF: {
    min: 2,
    max: 3,
    rangeArg: never,
    refArg: never,
    // IF(logical_test, value_if_true, [value_if_false]): only the branch taken is evaluated; a
    // missing value_if_false gives FALSE (https://support.microsoft.com/office/if-function-69aed7c9-4e8a-4755-a9bc-aa8bbff73be2).
    // A test that is text gives #VALUE! ("Correct a #VALUE! error", values.ts); an empty cell is FALSE.
    run: (args, ev) => {
      const t = ev.value(args[0]);
      if (t instanceof CellError) return t;
      if (typeof t === 'string') return VALUE;
      const yes = t === null ? false : typeof t === 'boolean' ? t : t !== 0;
      if (yes) return ev.value(args[1]);
      return args.length > 2 ? ev.value(args[2]) : false;
    },
  },
  SUMIFS: {
    min: 3,
    max: 255,
    rangeArg: (i) => i === 0 || i % 2 === 1,
    refArg: (i) => i === 0 || i % 2 === 1,
    run: sumifs,
  },
};

/**
 * SUMIFS(sum_range, criteria_range1, criteria1, …): sums the cells of sum_range whose every
 * criteria_range cell meets its criterion; each criteria_range must have the shape of sum_range,
 * else #VALUE! (https://support.microsoft.com/office/sumifs-function-c9e748f5-7ea7-455d-9406-611cebce642b;
 * WorksheetFunction.SumIfs, https://learn.microsoft.com/office/vba/api/excel.worksheetfunction.sumifs).
 * Only numbers in sum_range are added; an error in a row that is summed is the result. A logical
 * there is refused: both pages say "cells in sum_range that contain TRUE evaluate as 1", while
 * HyperFormula (and, by many reports, Excel) skip it — the double does not pick one.
 * The add-in's criterion is a plain word ("line"), which matches text equal to it ignoring case.
 * Criteria with an operator (">5"), wildcards (* ? ~) or a number are refused, not approximated.
 */
function sumifs(args: Node[], ev: Evaluator): Value {
  const sum = ev.cells(args[0] as RefNode);
  if (sum instanceof CellError) return sum;
  const tests: Array<{ values: Operand[]; word: string }> = [];
  for (let i = 1; i < args.length; i += 2) {
    const range = ev.cells(args[i] as RefNode);
    if (range instanceof CellError) return range;
    if (range.rows !== sum.rows || range.cols !== sum.cols) return VALUE;
    if (i + 1 >= args.length) throw new ValueRefusal('SUMIFS needs a criterion after each criteria range');
    const c = ev.value(args[i + 1]);
    if (c instanceof CellError) return c;
    if (typeof c !== 'string' || c === '' || /[<>=*?~]/.test(c) || /^\s*[+-]?(\d|\.\d)/.test(c))
      throw new ValueRefusal(`the SUMIFS criterion ${JSON.stringify(c)} is not modelled (only a plain word such as "line")`);
    tests.push({ values: range.values, word: c.toLowerCase() });
  }
  let total = 0;
  outer: for (let k = 0; k < sum.values.length; k++) {
    for (const t of tests) {
      const v = t.values[k];
      if (typeof v !== 'string' || v.toLowerCase() !== t.word) continue outer;
    }
    const v = sum.values[k];
    if (typeof v === 'number') total = add(total, v);
    else if (v instanceof CellError) return v;
    else if (typeof v === 'boolean')
      throw new ValueRefusal(`SUMIFS would sum the logical ${v ? 'TRUE' : 'FALSE'} (row ${k + 1} of its sum range), which is not modelled`);
  }
  return total;
}
