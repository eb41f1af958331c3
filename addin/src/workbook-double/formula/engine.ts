// The double's formula engine: formulas are parsed once per shape (lexer.ts shapeKey) and
// computed when a value is read, each cell once until the workbook changes (a memo cleared on
// every write), which is one recalculation per sync however many writes the sync holds.

import { cellA1 } from '../../excel/a1';
import { CellError, FormulaRefusal, type Node, type Operand, type RefNode, type Value } from './ast';
import type { Evaluator } from './functions';
import { FUNCTIONS } from './functions';
import { shapeKey, tokenize } from './lexer';
import { parseTokens } from './parser';
import { DIV0, NAME, REF, ValueRefusal, add, compare, subtract, toNumber, toText } from './values';

export type EngineCell = { value: string | number | boolean; formula: string | null };
export type EngineSheet = { name: string; cells: Map<number, EngineCell> };

const COLS = 16_384;
const PENDING = Symbol('pending');

/** A formula found to depend on itself; `cells` is the loop, first cell repeated at the end. */
export class CircularReference extends Error {
  constructor(readonly cells: string[]) {
    super(`circular reference: ${cells.join(' → ')}`);
  }
}

/** A formula or value the engine refuses at evaluation (e.g. a SUMIFS criterion it does not model). */
export class EvaluationRefusal extends Error {}

export class FormulaEngine implements Evaluator {
  private readonly shapes = new Map<string, Node>();
  // the tree of each formula cell, by position; valid while the cell holds the same text there
  // (weakly held: a removed sheet's trees go with it)
  private readonly trees = new WeakMap<EngineSheet, Map<number, { formula: string; tree: Node }>>();
  private memo = new Map<EngineSheet, Map<number, Value | typeof PENDING>>();
  /** the cells being computed, outermost first, as sheet, row, col triples */
  private readonly stack: Array<EngineSheet | number> = [];
  /** each range's values, read once per recalculation (the G702's SUMIFS read the kind column 10 times) */
  private ranges = new Map<string, { rows: number; cols: number; values: Operand[] }>();
  // the cell being computed (evaluation is recursive; these are saved and restored around it)
  private sheet!: EngineSheet;
  private row = 0;
  private col = 0;

  constructor(private readonly sheetNamed: (name: string) => EngineSheet | undefined) {}

  /** Parses `formula` ("=…") for the cell (row, col); throws FormulaRefusal for what is not modelled. */
  compile(formula: string, row: number, col: number): Node {
    const src = formula.slice(1);
    const key = shapeKey(src, row, col);
    let tree = key === null ? undefined : this.shapes.get(key);
    if (!tree) {
      tree = parseTokens(tokenize(src), row, col);
      if (key !== null) this.shapes.set(key, tree);
    }
    return tree;
  }

  /** Records the tree of a cell just written (so reading it does not parse it again). */
  remember(sheet: EngineSheet, row: number, col: number, formula: string, tree: Node): void {
    let m = this.trees.get(sheet);
    if (!m) this.trees.set(sheet, (m = new Map()));
    m.set(row * COLS + col, { formula, tree });
  }

  /** Every cached value is stale: the workbook changed. */
  invalidate(): void {
    if (this.memo.size) this.memo = new Map();
    if (this.ranges.size) this.ranges = new Map();
  }

  /** The computed value of a formula cell. */
  formulaValue(sheet: EngineSheet, row: number, col: number): Value {
    const cell = sheet.cells.get(row * COLS + col);
    if (!cell) return 0;
    const v = this.cellValue(sheet, row, col, cell);
    return v === null ? 0 : v;
  }

  private cellValue(sheet: EngineSheet, row: number, col: number, cell: EngineCell): Operand {
    if (cell.formula === null) return cell.value === '' ? null : cell.value;
    let m = this.memo.get(sheet);
    if (!m) this.memo.set(sheet, (m = new Map()));
    const key = row * COLS + col;
    const got = m.get(key);
    if (got === PENDING) {
      const loop: string[] = [];
      for (let i = this.stack.length - 3; i >= 0; i -= 3) {
        loop.unshift(label(this.stack[i] as EngineSheet, this.stack[i + 1] as number, this.stack[i + 2] as number));
        if (this.stack[i] === sheet && this.stack[i + 1] === row && this.stack[i + 2] === col) break;
      }
      throw new CircularReference([...loop, label(sheet, row, col)]);
    }
    if (got !== undefined) return got;
    m.set(key, PENDING);
    this.stack.push(sheet, row, col);
    const outer = this.sheet;
    const outerRow = this.row;
    const outerCol = this.col;
    try {
      const known = this.trees.get(sheet)?.get(key);
      const tree = known && known.formula === cell.formula ? known.tree : this.compile(cell.formula, row, col);
      if (tree !== known?.tree) this.remember(sheet, row, col, cell.formula, tree);
      this.sheet = sheet;
      this.row = row;
      this.col = col;
      const v = this.value(tree);
      const out: Value = v === null ? 0 : v; // =A1 with A1 empty shows 0
      m.set(key, out);
      return out;
    } catch (e) {
      // What the engine refuses is reported with the cell it was found in.
      if (e instanceof ValueRefusal || e instanceof FormulaRefusal) throw new EvaluationRefusal(`${label(sheet, row, col)}: ${e.message}`);
      throw e;
    } finally {
      this.sheet = outer;
      this.row = outerRow;
      this.col = outerCol;
      this.stack.length -= 3;
      if (m.get(key) === PENDING) m.delete(key);
    }
  }

  value(n: Node): Operand {
    switch (n.k) {
      case 'num':
      case 'str':
      case 'bool':
        return n.v;
      case 'err':
        return CellError.of(n.code);
      case 'name':
        // "#NAME? error": Excel does not recognise the name (https://support.microsoft.com/office/how-to-correct-a-name-error-b6d54e31-a743-4d7d-9b61-40002a7b4286).
        return NAME;
      case 'paren':
      case 'plus':
        return this.value(n.a);
      case 'neg': {
        const x = toNumber(this.value(n.a));
        return x instanceof CellError ? x : -x;
      }
      case 'pct': {
        const x = toNumber(this.value(n.a));
        return x instanceof CellError ? x : x / 100;
      }
      case 'ref': {
        const sheet = n.sheet === null ? this.sheet : this.sheetNamed(n.sheet);
        if (!sheet) return REF;
        const r = n.ar0 ? n.r0 : this.row + n.r0;
        const c = n.ac0 ? n.c0 : this.col + n.c0;
        if (r < 0 || c < 0) return REF;
        const cell = sheet.cells.get(r * COLS + c);
        return cell ? this.cellValue(sheet, r, c, cell) : null;
      }
      case 'call':
        return FUNCTIONS[n.fn].run(n.args, this);
      case 'bin':
        return this.binary(n.op, n.a, n.b);
    }
  }

  private binary(op: string, an: Node, bn: Node): Value {
    const a = this.value(an);
    const b = this.value(bn);
    if (op === '&') {
      if (a instanceof CellError) return a;
      if (b instanceof CellError) return b;
      const x = toText(a);
      if (x instanceof CellError) return x;
      const y = toText(b);
      return y instanceof CellError ? y : x + y;
    }
    if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      const c = compare(a, b, op);
      if (c instanceof CellError) return c;
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    // Errors propagate, the left one first, before any operand is converted: ="a"+#N/A is #N/A
    // (as HyperFormula had it; Microsoft's pages do not say which error wins).
    if (a instanceof CellError) return a;
    if (b instanceof CellError) return b;
    const x = toNumber(a);
    if (x instanceof CellError) return x;
    const y = toNumber(b);
    if (y instanceof CellError) return y;
    if (op !== '^') {
      if (op === '/' && y === 0) return DIV0;
      // A result beyond the largest number (=1E300*1E300) is #NUM! in Excel, never ±Infinity.
      const r = op === '+' ? add(x, y) : op === '-' ? subtract(x, y) : op === '*' ? x * y : x / y;
      return Number.isFinite(r) ? r : CellError.of('#NUM!');
    }
    // ^: 0^0 and a negative number to a fractional power are #NUM! in Excel (POWER function,
    // https://support.microsoft.com/office/power-function-d3f2908b-56f4-4c3f-895a-07fb519c362a); 0^-1 is #DIV/0!.
    if (x === 0 && y === 0) return CellError.of('#NUM!');
    if (x === 0 && y < 0) return DIV0;
    const p = x ** y;
    return Number.isFinite(p) ? p : CellError.of('#NUM!');
  }

  cells(ref: RefNode): { rows: number; cols: number; values: Operand[] } | CellError {
    const sheet = ref.sheet === null ? this.sheet : this.sheetNamed(ref.sheet);
    if (!sheet) return REF;
    const ra = ref.ar0 ? ref.r0 : this.row + ref.r0;
    const ca = ref.ac0 ? ref.c0 : this.col + ref.c0;
    const rb = ref.ar1 ? ref.r1 : this.row + ref.r1;
    const cb = ref.ac1 ? ref.c1 : this.col + ref.c1;
    // Excel takes a range by its top-left and bottom-right corners. The ends are put in that
    // order here, where they point from the cell computing it: a tree is shared by every cell of
    // its shape, and an end with $ and a relative one can swap places between them
    // ($A$5:A1 from B1 is A1:A5, $A$5:A11 from B11 is A5:A11).
    const r0 = Math.min(ra, rb);
    const r1 = Math.max(ra, rb);
    const c0 = Math.min(ca, cb);
    const c1 = Math.max(ca, cb);
    if (r0 < 0 || c0 < 0) return REF;
    const id = `${sheet.name}\u0001${r0},${c0},${r1},${c1}`;
    const known = this.ranges.get(id);
    if (known) return known;
    const values: Operand[] = [];
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const cell = sheet.cells.get(r * COLS + c);
        values.push(cell ? this.cellValue(sheet, r, c, cell) : null);
      }
    const got = { rows: r1 - r0 + 1, cols: c1 - c0 + 1, values };
    this.ranges.set(id, got);
    return got;
  }
}

const label = (sheet: EngineSheet, row: number, col: number) => `${sheet.name}!${cellA1(row, col)}`;
