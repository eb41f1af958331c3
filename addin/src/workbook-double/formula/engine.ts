// The double's formula engine: formulas are parsed once per shape (lexer.ts shapeKey) and
// computed when a value is read, each cell once until the workbook changes (a memo cleared on
// every write), which is one recalculation per sync however many writes the sync holds.

import { CellError, FormulaRefusal, type Node, type Operand, type RefNode, type Value } from './ast';
import type { Evaluator } from './functions';
import { FUNCTIONS } from './functions';
import { tokenize, shapeKey } from './lexer';
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
  private readonly trees = new WeakMap<EngineCell, { row: number; col: number; tree: Node }>();
  private memo = new Map<EngineSheet, Map<number, Value | typeof PENDING>>();
  private readonly stack: string[] = [];
  // the cell being computed (evaluation is recursive; these are saved and restored around it)
  private sheet!: EngineSheet;
  private row = 0;
  private col = 0;

  constructor(private readonly sheetNamed: (name: string) => EngineSheet | undefined) {}

  /** Parses `formula` ("=…") for the cell (row, col); throws FormulaRefusal for what is not modelled. */
  compile(formula: string, row: number, col: number): Node {
    const tokens = tokenize(formula.slice(1));
    const key = shapeKey(tokens, row, col);
    let tree = this.shapes.get(key);
    if (!tree) {
      tree = parseTokens(tokens, row, col);
      this.shapes.set(key, tree);
    }
    return tree;
  }

  /** Records the tree of a cell just written (so reading it does not parse it again). */
  remember(cell: EngineCell, row: number, col: number, tree: Node): void {
    this.trees.set(cell, { row, col, tree });
  }

  /** Every cached value is stale: the workbook changed. */
  invalidate(): void {
    if (this.memo.size) this.memo = new Map();
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
      const here = `${sheet.name}!${a1(row, col)}`;
      const loop = this.stack.slice(this.stack.indexOf(here));
      throw new CircularReference([...loop, here]);
    }
    if (got !== undefined) return got;
    m.set(key, PENDING);
    this.stack.push(`${sheet.name}!${a1(row, col)}`);
    const saved = [this.sheet, this.row, this.col] as const;
    try {
      let known = this.trees.get(cell);
      if (!known || known.row !== row || known.col !== col) {
        known = { row, col, tree: this.compile(cell.formula, row, col) };
        this.trees.set(cell, known);
      }
      this.sheet = sheet;
      this.row = row;
      this.col = col;
      const v = this.value(known.tree);
      const out: Value = v === null ? 0 : v; // =A1 with A1 empty shows 0
      m.set(key, out);
      return out;
    } catch (e) {
      // What the engine refuses is reported with the cell it was found in.
      if (e instanceof ValueRefusal || e instanceof FormulaRefusal) throw new EvaluationRefusal(`${sheet.name}!${a1(row, col)}: ${e.message}`);
      throw e;
    } finally {
      [this.sheet, this.row, this.col] = saved;
      this.stack.pop();
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
      const c = compare(a, b);
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
    switch (op) {
      case '+':
        return add(x, y);
      case '-':
        return subtract(x, y);
      case '*':
        return x * y;
      case '/':
        return y === 0 ? DIV0 : x / y;
      default: {
        // ^: 0^0 and a negative number to a fractional power are #NUM! in Excel (POWER function,
        // https://support.microsoft.com/office/power-function-d3f2908b-56f4-4c3f-895a-07fb519c362a); 0^-1 is #DIV/0!.
        if (x === 0 && y === 0) return CellError.of('#NUM!');
        if (x === 0 && y < 0) return DIV0;
        const p = x ** y;
        return Number.isFinite(p) ? p : CellError.of('#NUM!');
      }
    }
  }

  cells(ref: RefNode): { rows: number; cols: number; values: Operand[] } | CellError {
    const sheet = ref.sheet === null ? this.sheet : this.sheetNamed(ref.sheet);
    if (!sheet) return REF;
    const r0 = ref.ar0 ? ref.r0 : this.row + ref.r0;
    const c0 = ref.ac0 ? ref.c0 : this.col + ref.c0;
    const r1 = ref.ar1 ? ref.r1 : this.row + ref.r1;
    const c1 = ref.ac1 ? ref.c1 : this.col + ref.c1;
    if (r0 < 0 || c0 < 0) return REF;
    const values: Operand[] = [];
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const cell = sheet.cells.get(r * COLS + c);
        values.push(cell ? this.cellValue(sheet, r, c, cell) : null);
      }
    return { rows: r1 - r0 + 1, cols: c1 - c0 + 1, values };
  }
}

function a1(row: number, col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}
