// Formula text → tree, with Excel's operator precedence. Anything outside the language the add-in
// writes is refused (FormulaRefusal) rather than guessed at.
//
// Precedence, highest first, as in "Calculation operators and precedence in Excel"
// (https://support.microsoft.com/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a):
// ":" (reference), "–" negation (as in –1), "%" percent, "^" exponentiation, "* /", "+ -",
// "&", "= < > <= >= <>". Operators of equal precedence go left to right, so negation binds
// tighter than ^ (=-2^2 is 4) and =2^3^2 is (2^3)^2 = 64.

import { MAX_COL, MAX_ROW } from '../../excel/a1';
import { type BinaryOp, ERROR_CODES, type ErrorCode, FormulaRefusal, type Node, type RefNode } from './ast';
import { FUNCTIONS } from './functions';
import { CELL_REF, columnOf, type Token } from './lexer';

const COMPARE = new Set(['=', '<>', '<', '>', '<=', '>=']);

/** Parses tokens of a formula whose cell is (row, col): relative coordinates become offsets from it. */
export function parseTokens(tokens: Token[], row: number, col: number): Node {
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const expect = (t: Token['t'], what: string) => {
    if (peek().t !== t) throw new FormulaRefusal(`expected ${what} but found "${peek().s || 'the end'}"`);
    return take();
  };
  const isOp = (s: string) => peek().t === 'op' && peek().s === s;

  const binary = (next: () => Node, ops: Set<string>): Node => {
    let a = next();
    while (peek().t === 'op' && ops.has(peek().s)) {
      const op = take().s as BinaryOp;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const compare = (): Node => binary(concat, COMPARE);
  const concat = (): Node => binary(additive, new Set(['&']));
  const additive = (): Node => binary(multiplicative, new Set(['+', '-']));
  const multiplicative = (): Node => binary(power, new Set(['*', '/']));
  const power = (): Node => binary(percent, new Set(['^']));
  const percent = (): Node => {
    let a = unary();
    while (isOp('%')) {
      take();
      a = { k: 'pct', a };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      take();
      return { k: 'neg', a: unary() };
    }
    if (isOp('+')) {
      take();
      return { k: 'plus', a: unary() };
    }
    return primary();
  };

  const cell = (text: string, sheet: string | null): RefNode => {
    const m = CELL_REF.exec(text);
    if (!m) throw new FormulaRefusal(`"${text}" is not a cell reference`);
    const c = columnOf(m[2]);
    const r = Number(m[4]) - 1;
    if (c > MAX_COL || r > MAX_ROW || r < 0) throw new FormulaRefusal(`"${text}" is outside the sheet`);
    const ac = m[1] === '$';
    const ar = m[3] === '$';
    const r0 = ar ? r : r - row;
    const c0 = ac ? c : c - col;
    return { k: 'ref', sheet, r0, c0, r1: r0, c1: c0, ar0: ar, ac0: ac, ar1: ar, ac1: ac, range: false };
  };
  const reference = (first: string, sheet: string | null): RefNode => {
    const ref = cell(first, sheet);
    if (peek().t !== ':') return ref;
    take();
    const second = expect('id', 'a cell after ":"').s;
    if (peek().t === '!') throw new FormulaRefusal('a range whose two ends name sheets is not supported');
    const end = cell(second, sheet);
    // Excel stores a range by its top-left and bottom-right corners (typing =SUM(B5:A1) gives
    // =SUM(A1:B5)); relative coordinates are compared where they point from this cell. This order
    // is for printing the formula: the tree is shared by cells of the same shape, from which a $
    // end and a relative end may point the other way round, so engine.ts cells() orders them again.
    const [r0, ar0, r1, ar1] = ordered(ref.r0, ref.ar0, end.r0, end.ar0, row);
    const [c0, ac0, c1, ac1] = ordered(ref.c0, ref.ac0, end.c0, end.ac0, col);
    return { k: 'ref', sheet, r0, c0, r1, c1, ar0, ac0, ar1, ac1, range: true };
  };

  const primary = (): Node => {
    const tk = take();
    switch (tk.t) {
      case 'num': {
        const v = Number(tk.s);
        if (!Number.isFinite(v)) throw new FormulaRefusal(`the number ${tk.s} is out of range`);
        return { k: 'num', v, text: tk.s };
      }
      case 'str':
        return { k: 'str', v: tk.s };
      case 'err':
        return { k: 'err', code: errorCodeOf(tk.s), text: tk.s.toUpperCase() };
      case '(': {
        const a = compare();
        expect(')', '")"');
        return { k: 'paren', a };
      }
      case 'sheet': {
        expect('!', '"!" after a sheet name');
        return sheetQualified(tk.s);
      }
      case 'id': {
        if (peek().t === '(') return call(tk.s);
        if (peek().t === '!') {
          take();
          return sheetQualified(tk.s);
        }
        if (CELL_REF.test(tk.s)) return reference(tk.s, null);
        const upper = tk.s.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
        if (peek().t === ':') throw new FormulaRefusal(`whole-column or whole-row references ("${tk.s}:…") are not supported`);
        return { k: 'name', name: tk.s };
      }
      default:
        throw new FormulaRefusal(`unexpected "${tk.s || 'end of formula'}"`);
    }
  };
  const sheetQualified = (sheet: string): Node => {
    const tk = take();
    if (tk.t === 'err' && tk.s.toUpperCase() === '#REF!') return { k: 'err', code: '#REF!', text: `${quoteIfNeeded(sheet)}!#REF!` };
    if (tk.t !== 'id') throw new FormulaRefusal(`expected a cell after "${sheet}!"`);
    return reference(tk.s, sheet);
  };
  const call = (name: string): Node => {
    const fn = name.toUpperCase();
    const def = FUNCTIONS[fn];
    if (!def) throw new FormulaRefusal(`the function ${fn} is not implemented by the workbook double's formula engine`);
    take(); // (
    const args: Node[] = [];
    if (peek().t !== ')') {
      for (;;) {
        if (peek().t === ',' || peek().t === ')') throw new FormulaRefusal(`an empty argument of ${fn} is not supported`);
        args.push(compare());
        if (peek().t !== ',') break;
        take();
      }
    }
    expect(')', `")" closing ${fn}(`);
    if (args.length < def.min || args.length > def.max) throw new FormulaRefusal(`${fn} takes ${def.min}–${def.max} arguments, not ${args.length}`);
    args.forEach((a, i) => {
      if (def.refArg(i) && a.k !== 'ref') throw new FormulaRefusal(`argument ${i + 1} of ${fn} must be a range`);
    });
    return { k: 'call', fn, args };
  };

  const tree = compare();
  if (peek().t !== 'end') throw new FormulaRefusal(`unexpected "${peek().s}" (two operands without an operator?)`);
  checkRanges(tree, false);
  return tree;
}

/**
 * A range is taken only as a function's argument: elsewhere Excel would intersect it implicitly
 * with the formula's row or column (or spill it), which the double does not model.
 */
function checkRanges(n: Node, asArgument: boolean): void {
  switch (n.k) {
    case 'ref':
      if (n.range && !asArgument) throw new FormulaRefusal('a range outside a function argument (implicit intersection or a spilled array) is not supported');
      return;
    case 'neg':
    case 'plus':
    case 'pct':
    case 'paren':
      checkRanges(n.a, false);
      return;
    case 'bin':
      checkRanges(n.a, false);
      checkRanges(n.b, false);
      return;
    case 'call':
      n.args.forEach((a, i) => checkRanges(a, FUNCTIONS[n.fn].rangeArg(i)));
      return;
    default:
      return;
  }
}

function ordered(a: number, aAbs: boolean, b: number, bAbs: boolean, base: number): [number, boolean, number, boolean] {
  return (aAbs ? a : a + base) <= (bAbs ? b : b + base) ? [a, aAbs, b, bAbs] : [b, bAbs, a, aAbs];
}

/** The code an error token starts with: the lexer makes an 'err' token only of text that starts with one. */
function errorCodeOf(text: string): ErrorCode {
  const t = text.toUpperCase();
  return ERROR_CODES.find((c) => t.startsWith(c)) as ErrorCode;
}

/**
 * Excel's canonical text for a sheet name in a formula: bare when it is a plain name (letters,
 * digits, "_" and ".", not starting with a digit, not itself a cell address), quoted otherwise,
 * with a quote inside doubled.
 */
export function quoteIfNeeded(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) &&
    !CELL_REF.test(name) &&
    !/^R(\d*)C?(\d*)$/i.test(name) &&
    !/^C\d*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}
