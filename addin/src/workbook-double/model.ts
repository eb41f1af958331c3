// The in-memory workbook behind the Excel double: sheets of cells (value or formula, number
// format, fill, lock), tables with value filters, row outline, notes, comments, settings, and a
// formula engine (formula/) so formulas show computed values as Excel would (dev/test only).

import { parseA1, cellA1 } from '../excel/a1';
import { DoubleError } from './context';
import { dropSheetRefs, parseAbsolute, renameRefs, shiftRefs } from './formula/adjust';
import { CellError, FormulaRefusal, type Node } from './formula/ast';
import { CircularReference, EvaluationRefusal, FormulaEngine } from './formula/engine';
import { printFormula } from './formula/print';
import { checkSheetName } from './sheet-name';

export type Scalar = string | number | boolean;
export type Cell = { value: Scalar; formula: string | null; numberFormat: string; fill: string | null; locked: boolean; bold: boolean };
export type Box = { r0: number; c0: number; r1: number; c1: number };

export type TableModel = { name: string; sheet: SheetModel; box: Box; style: string; filters: Map<number, string[]> };
export type CommentModel = { id: string; sheet: SheetModel; address: string; content: string };
export type ChangeListener = (args: Record<string, unknown>) => Promise<unknown> | unknown;

let nextId = 1;

export class SheetModel {
  readonly id = `{sheet-${nextId++}}`;
  readonly cells = new Map<number, Cell>();
  readonly hiddenCols = new Set<number>();
  readonly colWidths = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly outline = new Map<number, number>(); // row → outline level
  collapsedToLevel: number | null = null;
  notes = new Map<string, string>();
  isProtected = false;
  protectionOptions: Record<string, unknown> = {};
  password: string | null = null;
  frozenRows = 0;
  readonly listeners = new Set<ChangeListener>();
  constructor(
    public name: string,
    readonly book: Book,
  ) {}

  static key(row: number, col: number): number {
    return row * 16_384 + col;
  }

  cell(row: number, col: number): Cell {
    return this.cells.get(SheetModel.key(row, col)) ?? blankCell();
  }

  /**
   * Changes one cell in place. No stored Cell is shared or held across writes (sort and row or
   * column shifts move them to new keys, snapshots copy their fields), so a copy per change is not
   * needed; it was one allocation per property per cell, most of a 5,000-line render's GC.
   */
  mutate(row: number, col: number, fn: (c: Cell) => void): Cell {
    const k = SheetModel.key(row, col);
    let c = this.cells.get(k);
    if (c === undefined) {
      c = blankCell();
      this.cells.set(k, c);
    }
    fn(c);
    this.book.formulas.invalidate();
    return c;
  }

  /** Displayed value: formula cells are computed by the formula engine. */
  valueAt(row: number, col: number): Scalar {
    const c = this.cells.get(SheetModel.key(row, col));
    if (!c) return '';
    if (c.formula === null) return c.value;
    return this.book.computed(this, row, col);
  }

  used(): Box | null {
    let box: Box | null = null;
    for (const [k, c] of this.cells) {
      if (c.formula === null && c.value === '') continue;
      const row = Math.floor(k / 16_384);
      const col = k % 16_384;
      box = box
        ? { r0: Math.min(box.r0, row), c0: Math.min(box.c0, col), r1: Math.max(box.r1, row), c1: Math.max(box.c1, col) }
        : { r0: row, c0: col, r1: row, c1: col };
    }
    return box;
  }

  isRowHidden(row: number): boolean {
    if (this.hiddenRows.has(row)) return true;
    if (this.collapsedToLevel !== null && (this.outline.get(row) ?? 0) >= this.collapsedToLevel) return true;
    return this.book.tables.some((t) => t.sheet === this && isFilteredOut(t, row));
  }

  /** Writes one cell the way Excel takes input: "=…" is a formula unless the cell is text ('@'). */
  write(row: number, col: number, input: unknown, coerceNumbers: boolean, isMirrored = true): void {
    const isFormula =
      typeof input === 'string' && input.startsWith('=') && input.length > 1 && (this.cells.get(SheetModel.key(row, col))?.numberFormat ?? 'General') !== '@';
    const tree = isFormula ? this.book.compile(this, row, col, input) : null;
    const written = this.mutate(row, col, (c) => {
      if (isFormula) {
        c.formula = input;
        c.value = '';
      } else {
        c.formula = null;
        const isText = c.numberFormat === '@';
        c.value = input === null || input === undefined ? '' : typeof input === 'string' && coerceNumbers && !isText ? coerce(input) : (input as Scalar);
      }
    });
    if (tree) this.book.formulas.remember(this, row, col, written.formula!, tree);
    if (isMirrored) this.book.mirror(this, { r0: row, c0: col, r1: row, c1: col });
  }

  /** A block of input (one 2-D array). */
  writeBox(box: Box, grid: unknown[][], coerceNumbers: boolean): void {
    for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) this.write(r, c, grid[r - box.r0][c - box.c0], coerceNumbers, false);
    this.book.mirror(this, box);
  }

  clearAll(): void {
    this.cells.clear();
    this.hiddenRows.clear();
    this.rowHeights.clear();
    this.outline.clear();
    this.collapsedToLevel = null;
    this.notes.clear();
    this.book.tables = this.book.tables.filter((t) => t.sheet !== this);
    this.book.comments = this.book.comments.filter((c) => c.sheet !== this);
    this.book.formulas.invalidate();
  }
}

function blankCell(): Cell {
  return { value: '', formula: null, numberFormat: 'General', fill: null, locked: true, bold: false };
}

function isFilteredOut(t: TableModel, row: number): boolean {
  if (row <= t.box.r0 || row > t.box.r1) return false; // header row and outside
  for (const [col, values] of t.filters) {
    const shown = String(t.sheet.valueAt(row, t.box.c0 + col));
    if (!values.includes(shown)) return true;
  }
  return false;
}

/** What Excel does with typed text: "1,234.50" and "-5" become numbers; "12,34x" and "-" stay text. */
export function coerce(text: string): Scalar {
  const t = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) && /\d/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return text;
}

export type Platform = 'web' | 'windows' | 'mac';

export const versionAtLeast = (have: string, want: string) => {
  const [a1, a2 = 0] = have.split('.').map(Number);
  const [b1, b2 = 0] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
};

export class Book {
  /** the highest ExcelApi requirement set this fake host implements */
  apiVersion = '1.18';
  platform: Platform = 'web';
  /** every call that cleared the user's Undo stack, in order (see workbook-double/undo.ts) */
  undoClears: string[] = [];
  /** the user's undo entries since the last clear (their own edits) */
  undoDepth = 0;
  /** workbook.worksheets.onChanged handlers (ExcelApi 1.9): they live on the collection, not on a sheet */
  readonly workbookListeners = new Set<ChangeListener>();
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  comments: CommentModel[] = [];
  settings = new Map<string, unknown>();
  activeSheet: SheetModel | null = null;
  /** the user's selection: sheet + A1 (set by the harness or a test) */
  selection: { sheet: string; address: string } | null = null;
  /** computes every formula cell when it is read (formula/engine.ts) */
  readonly formulas = new FormulaEngine((name) => this.sheet(name));

  /** Worksheet lookup by name or id, as WorksheetCollection.getItem(key) takes either. */
  sheet(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  /**
   * An API the host does not implement fails at sync with ApiNotFound ("The API you are trying to
   * use could not be found. It may be available in a newer version of Excel.", Excel.ErrorCodes).
   */
  requireApi(version: string, api: string): void {
    if (!versionAtLeast(this.apiVersion, version)) throw new DoubleError('ApiNotFound', `${api} needs ExcelApi ${version}; this host has ${this.apiVersion}`);
  }

  /**
   * Parses a formula written into a cell. What the engine does not model is refused here, at the
   * write, naming the cell — never computed approximately. (Excel itself refuses a formula it
   * cannot parse with InvalidArgument.)
   */
  compile(s: SheetModel, row: number, col: number, formula: string): Node {
    try {
      return this.formulas.compile(formula, row, col);
    } catch (e) {
      if (e instanceof FormulaRefusal) throw new DoubleError('InvalidArgument', `${s.name}!${cellA1(row, col)} ${formula}: ${e.message}`);
      throw e;
    }
  }

  /**
   * Rewrites every formula of the workbook whose references `adjust` changes, printing it again
   * in Excel's canonical form; a formula whose references did not move keeps its text as written.
   */
  private adjustFormulas(adjust: (tree: Node, home: SheetModel) => Node): void {
    for (const s of this.sheets)
      for (const [k, c] of s.cells) {
        if (c.formula === null) continue;
        const tree = parseAbsolute(c.formula);
        const moved = adjust(tree, s);
        if (moved !== tree) s.cells.set(k, { ...c, formula: printFormula(moved) });
      }
    this.formulas.invalidate();
  }

  /** Rows inserted (count > 0) or deleted (count < 0) at `row`: the engine adjusts every reference. */
  shiftRows(s: SheetModel, row: number, count: number): void {
    this.adjustFormulas((tree, home) => shiftRefs(tree, home.name, s.name, 'row', row, count));
    const moved = new Map<number, Cell>();
    for (const [k, c] of s.cells) {
      const r = Math.floor(k / 16_384);
      if (count < 0 && r >= row && r < row - count) continue;
      moved.set(r >= row ? k + count * 16_384 : k, c);
    }
    s.cells.clear();
    for (const [k, c] of moved) s.cells.set(k, c);
    const shiftKey = (a: string) => {
      const ref = parseA1(a).start;
      return ref.row >= row ? cellA1(ref.row + count, ref.col) : a;
    };
    s.notes = new Map([...s.notes].map(([a, v]) => [shiftKey(a), v]));
    for (const t of this.tables)
      if (t.sheet === s && t.box.r1 >= row) {
        if (t.box.r0 < row) t.box = { ...t.box, r1: t.box.r1 + count };
        else t.box = { ...t.box, r0: t.box.r0 + count, r1: t.box.r1 + count };
      }
    this.formulas.invalidate();
  }

  /**
   * Columns inserted at `col` (count > 0): cells at and right of it shift right, the engine adjusts
   * every reference (=SUM(D5:F5) becomes =SUM(D5:G5) when a column goes in before E), notes move,
   * a table spanning `col` grows and names the new header "Column1", "Column2"… as Excel does.
   */
  shiftColumns(s: SheetModel, col: number, count: number): void {
    this.adjustFormulas((tree, home) => shiftRefs(tree, home.name, s.name, 'col', col, count));
    const moved = new Map<number, Cell>();
    for (const [k, c] of s.cells) moved.set(k % 16_384 >= col ? k + count : k, c);
    s.cells.clear();
    for (const [k, c] of moved) s.cells.set(k, c);
    const shiftKey = (a: string) => {
      const ref = parseA1(a).start;
      return ref.col >= col ? cellA1(ref.row, ref.col + count) : a;
    };
    s.notes = new Map([...s.notes].map(([a, v]) => [shiftKey(a), v]));
    for (const t of this.tables)
      if (t.sheet === s && t.box.c1 >= col) {
        if (t.box.c0 < col) {
          t.box = { ...t.box, c1: t.box.c1 + count };
          for (let i = 0; i < count; i++) s.cells.set(t.box.r0 * 16_384 + col + i, { ...s.cell(t.box.r0, col + i), value: `Column${i + 1}`, formula: null });
          this.mirror(s, { r0: t.box.r0, c0: col, r1: t.box.r0, c1: col + count - 1 });
        } else t.box = { ...t.box, c0: t.box.c0 + count, c1: t.box.c1 + count };
      }
    this.formulas.invalidate();
  }

  renameSheet(s: SheetModel, name: string): void {
    checkSheetName(name);
    if (this.sheet(name) && this.sheet(name) !== s) throw new DoubleError('ItemAlreadyExists', `A worksheet named "${name}" already exists`);
    const from = s.name;
    this.adjustFormulas((tree) => renameRefs(tree, from, name));
    s.name = name;
  }

  addSheet(name: string): SheetModel {
    checkSheetName(name);
    if (this.sheet(name)) throw new DoubleError('ItemAlreadyExists', `A worksheet named "${name}" already exists`);
    const s = new SheetModel(name, this);
    this.sheets.push(s);
    this.formulas.invalidate(); // formulas naming it no longer give #REF!
    return s;
  }

  removeSheet(s: SheetModel): void {
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.adjustFormulas((tree) => dropSheetRefs(tree, s.name));
  }

  /**
   * A sync's writes (one recalculation per sync): formulas are computed when read, each once until
   * the next write, so a batch needs nothing more than running its writes.
   */
  batch<T>(fn: () => T): T {
    return fn();
  }

  /** Cells of `box` changed: cached values are stale (formulas are computed again when read). */
  mirror(_s: SheetModel, _box: Box): void {
    this.formulas.invalidate();
  }

  /**
   * A formula cell's value, an error as its text ('#VALUE!', '#REF!'…). A number is the double
   * computed, binary residue included, as Excel stores it and Range.values returns it (=0.1+0.2 is
   * 0.30000000000000004 in the saved file; "the extra decimals … are by design", with
   * "Floating-point arithmetic may give inaccurate results in Excel",
   * https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result,
   * dotnet/Open-XML-SDK#1413). HyperFormula rounded what it returned to 11 significant digits,
   * which Excel does not do; code reading figures must round them itself (excel/units.ts). A circular reference, which Excel reports with a
   * warning and shows as 0 ("Remove or allow a circular reference",
   * https://support.microsoft.com/office/remove-or-allow-a-circular-reference-8540bd0f-6e97-4483-bcf7-1b49cd50d123),
   * fails the read here, naming the cells, so a test cannot mistake it for a figure.
   */
  computed(s: SheetModel, row: number, col: number): Scalar {
    try {
      const v = this.formulas.formulaValue(s, row, col);
      if (v instanceof CellError) return v.code;
      return v;
    } catch (e) {
      if (e instanceof CircularReference) throw new DoubleError('GeneralException', `${e.message} (Excel warns and shows 0; the double refuses)`);
      if (e instanceof EvaluationRefusal) throw new DoubleError('GeneralException', e.message);
      throw e;
    }
  }

  resolve(address: string, defaultSheet: SheetModel | null): { sheet: SheetModel; box: Box } {
    const ref = parseA1(address);
    const sheet = ref.sheet ? this.sheet(ref.sheet) : defaultSheet;
    if (!sheet) throw new Error(`ItemNotFound: no worksheet for "${address}"`);
    return { sheet, box: { r0: ref.start.row, c0: ref.start.col, r1: ref.end.row, c1: ref.end.col } };
  }
}

export const boxA1 = (b: Box) => (b.r0 === b.r1 && b.c0 === b.c1 ? cellA1(b.r0, b.c0) : `${cellA1(b.r0, b.c0)}:${cellA1(b.r1, b.c1)}`);
