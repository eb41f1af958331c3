// The in-memory workbook behind the Excel double: sheets of cells (value or formula, number
// format, fill, lock), tables with value filters, row outline, notes, comments, settings, and a
// HyperFormula engine mirroring every cell so formulas show computed values (dev/test only).

import { HyperFormula, type RawCellContent } from 'hyperformula';
import { parseA1, cellA1 } from '../excel/a1';
import { DoubleError } from './context';
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
    return this.cells.get(SheetModel.key(row, col)) ?? { value: '', formula: null, numberFormat: 'General', fill: null, locked: true, bold: false };
  }

  mutate(row: number, col: number, fn: (c: Cell) => void): void {
    const c = { ...this.cell(row, col) };
    fn(c);
    this.cells.set(SheetModel.key(row, col), c);
  }

  /** Displayed value: formula cells are computed by HyperFormula. */
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
    this.mutate(row, col, (c) => {
      const isText = c.numberFormat === '@';
      if (typeof input === 'string' && input.startsWith('=') && !isText && input.length > 1) {
        c.formula = input;
        c.value = '';
      } else {
        c.formula = null;
        c.value = input === null || input === undefined ? '' : typeof input === 'string' && coerceNumbers && !isText ? coerce(input) : (input as Scalar);
      }
    });
    if (isMirrored) this.book.mirror(this, { r0: row, c0: col, r1: row, c1: col });
  }

  /** A block of input (one 2-D array), mirrored to the formula engine in one call. */
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
    this.book.hfClear(this);
  }
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
  // undoLimit 0: HyperFormula's own undo stack is never used (the user's Undo is modelled in
  // undo.ts); by default it kept the previous content of the last 20 writes — for a 5,000-line
  // render, every cell again (in node, set + evaluate of that grid fell from 1.2–1.9 s to ≈ 1.0 s).
  private engine: HyperFormula | null = null;
  // Built on first use, or earlier by prepareEngine(): building it (its formula parser) takes
  // ≈ 60 ms, which the harness spends while the page waits for the network rather than before
  // the task pane starts (harness/main.tsx).
  private get hf(): HyperFormula {
    this.engine ??= HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384, undoLimit: 0 });
    return this.engine;
  }
  prepareEngine(): void {
    void this.hf;
  }
  private depth = 0;
  private isSuspended = false;

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

  /** Formula text as the engine now holds it (after rows moved or a sheet was renamed). */
  reloadFormulas(): void {
    for (const s of this.sheets) {
      const id = this.hf.getSheetId(s.name);
      if (id === undefined) continue;
      for (const [k, c] of s.cells) {
        if (c.formula === null) continue;
        const f = this.hf.getCellFormula({ sheet: id, row: Math.floor(k / 16_384), col: k % 16_384 });
        if (f) s.cells.set(k, { ...c, formula: f });
      }
    }
  }

  /** Rows inserted (count > 0) or deleted (count < 0) at `row`: the engine adjusts every reference. */
  shiftRows(s: SheetModel, row: number, count: number): void {
    const id = this.hf.getSheetId(s.name)!;
    if (count > 0) this.hf.addRows(id, [row, count]);
    else this.hf.removeRows(id, [row, -count]);
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
    this.reloadFormulas();
  }

  /**
   * Columns inserted at `col` (count > 0): cells at and right of it shift right, the engine adjusts
   * every reference (=SUM(D5:F5) becomes =SUM(D5:G5) when a column goes in before E), notes move,
   * a table spanning `col` grows and names the new header "Column1", "Column2"… as Excel does.
   */
  shiftColumns(s: SheetModel, col: number, count: number): void {
    const id = this.hf.getSheetId(s.name)!;
    this.hf.addColumns(id, [col, count]);
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
    this.reloadFormulas();
  }

  renameSheet(s: SheetModel, name: string): void {
    checkSheetName(name);
    if (this.sheet(name) && this.sheet(name) !== s) throw new DoubleError('ItemAlreadyExists', `A worksheet named "${name}" already exists`);
    this.hf.renameSheet(this.hf.getSheetId(s.name)!, name);
    s.name = name;
    this.reloadFormulas();
  }

  addSheet(name: string): SheetModel {
    checkSheetName(name);
    if (this.sheet(name)) throw new DoubleError('ItemAlreadyExists', `A worksheet named "${name}" already exists`);
    const s = new SheetModel(name, this);
    this.sheets.push(s);
    this.hf.addSheet(name);
    return s;
  }

  removeSheet(s: SheetModel): void {
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    const id = this.hf.getSheetId(s.name);
    if (id !== undefined) this.hf.removeSheet(id);
  }

  /** Defers formula evaluation while a batch is applied (one recalculation per sync). */
  batch<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      if (--this.depth === 0 && this.isSuspended) {
        this.hf.resumeEvaluation();
        this.isSuspended = false;
      }
    }
  }

  mirror(s: SheetModel, box: Box): void {
    if (this.depth > 0 && !this.isSuspended) {
      this.hf.suspendEvaluation();
      this.isSuspended = true;
    }
    const id = this.hf.getSheetId(s.name)!;
    const grid: RawCellContent[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const line: RawCellContent[] = [];
      for (let col = box.c0; col <= box.c1; col++) {
        const c = s.cell(r, col);
        // Text goes in with a leading apostrophe so the engine keeps "1" or "=x" as text, like Excel's '@'.
        line.push(c.formula ?? (typeof c.value === 'string' ? (c.value === '' ? null : `'${c.value}`) : c.value));
      }
      grid.push(line);
    }
    this.hf.setCellContents({ sheet: id, row: box.r0, col: box.c0 }, grid);
  }

  hfClear(s: SheetModel): void {
    const id = this.hf.getSheetId(s.name);
    if (id !== undefined) this.hf.clearSheet(id);
  }

  computed(s: SheetModel, row: number, col: number): Scalar {
    if (this.isSuspended) {
      // A load queued after writes in the same sync sees their results: recalculate now.
      this.hf.resumeEvaluation();
      this.isSuspended = false;
    }
    const v = this.hf.getCellValue({ sheet: this.hf.getSheetId(s.name)!, row, col });
    if (v === null || v === undefined) return 0;
    if (typeof v === 'object') return (v as { value: string }).value; // '#VALUE!', '#REF!'…
    return v;
  }

  resolve(address: string, defaultSheet: SheetModel | null): { sheet: SheetModel; box: Box } {
    const ref = parseA1(address);
    const sheet = ref.sheet ? this.sheet(ref.sheet) : defaultSheet;
    if (!sheet) throw new Error(`ItemNotFound: no worksheet for "${address}"`);
    return { sheet, box: { r0: ref.start.row, c0: ref.start.col, r1: ref.end.row, c1: ref.end.col } };
  }
}

export const boxA1 = (b: Box) => (b.r0 === b.r1 && b.c0 === b.c1 ? cellA1(b.r0, b.c0) : `${cellA1(b.r0, b.c0)}:${cellA1(b.r1, b.c1)}`);
