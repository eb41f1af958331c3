// Excel.Range of the double (and its format objects). Member names and value types follow
// @types/office-js; only what the add-in uses exists.

import { DoubleError, type FakeContext, Proxy, measure, propsOf } from './context';
import { boxA1, type Box, type SheetModel } from './model';
import { FakeRangeFormat, RangeSheet } from './range-format';
import { displayText } from './typed-input';
import { shiftFormulaRows } from './user-actions';

/**
 * Tables' calculated columns: a formula written into one cell of a table column whose other data
 * cells are empty fills the whole column, for API writes as for typing — "by design"
 * (OfficeDev/office-js#2093; related: #5909, #6745 where differing formulas get linked). The filled
 * cells get the formula with its relative rows shifted, as Excel's AutoFill does.
 */
function autofillCalculatedColumn(sheet: SheetModel, box: Box, grid: unknown[][]): void {
  if (box.r0 !== box.r1 || box.c0 !== box.c1) return;
  const f = grid[0][0];
  if (typeof f !== 'string' || !f.startsWith('=') || sheet.cell(box.r0, box.c0).numberFormat === '@') return;
  const t = sheet.book.tables.find((x) => x.sheet === sheet && box.r0 > x.box.r0 && box.r0 <= x.box.r1 && box.c0 >= x.box.c0 && box.c0 <= x.box.c1);
  if (!t) return;
  for (let r = t.box.r0 + 1; r <= t.box.r1; r++) {
    if (r === box.r0) continue;
    const c = sheet.cell(r, box.c0);
    if (c.formula !== null || c.value !== '') return;
  }
  for (let r = t.box.r0 + 1; r <= t.box.r1; r++) if (r !== box.r0) sheet.write(r, box.c0, shiftFormulaRows(f, r - box.r0), true, false);
  sheet.book.mirror(sheet, { r0: t.box.r0 + 1, c0: box.c0, r1: t.box.r1, c1: box.c0 });
}

export type Target = () => { sheet: SheetModel; box: Box };

function guard(sheet: SheetModel, box: Box, what: string): void {
  if (!sheet.isProtected) return;
  for (let r = box.r0; r <= box.r1; r++)
    for (let c = box.c0; c <= box.c1; c++) {
      if (sheet.cell(r, c).locked) throw new DoubleError('AccessDenied', `${what}: ${sheet.name}!${boxA1(box)} is on a protected sheet`);
    }
}

function fit(box: Box, grid: unknown, what: string): unknown[][] {
  const rows = box.r1 - box.r0 + 1;
  const cols = box.c1 - box.c0 + 1;
  // Number formats take a 1×1 array for any bounded range: Excel applies it to every cell
  // (Range.numberFormat reference: "If the argument is a single value, it will be applied to all
  // cells in the range"; OfficeDev/office-js-docs-reference#578, office-js-docs-pr#5400 "TEST 1:
  // Bounded … 1x1 … PASS"). Not modelled for values/formulas: the same #578 reports that a single
  // value there stopped the add-in, so the double keeps refusing it (stricter than the docs).
  if (what === 'numberFormat' && Array.isArray(grid) && grid.length === 1 && Array.isArray(grid[0]) && grid[0].length === 1) {
    // One row shared by every row: it is only read (a 5,000-row column was 5,000 arrays).
    const row = new Array<unknown>(cols).fill((grid as unknown[][])[0][0]);
    return new Array<unknown[]>(rows).fill(row);
  }
  if (!Array.isArray(grid) || grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new DoubleError('InvalidArgument', `${what}: expected a ${rows}×${cols} array for ${boxA1(box)}`);
  }
  return grid as unknown[][];
}

export class FakeRange extends Proxy {
  readonly isNullObject = false;
  readonly format: FakeRangeFormat;
  constructor(
    context: FakeContext,
    readonly target: Target,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, target);
  }

  private write(prop: string, grid: unknown, apply: (sheet: SheetModel, box: Box, g: unknown[][]) => void, isContent: boolean) {
    const target = this.target;
    this.context.enqueue({
      bytes: measure(grid),
      run: () => {
        const { sheet, box } = target();
        const g = fit(box, grid, prop);
        guard(sheet, box, `Setting ${prop}`);
        apply(sheet, box, g);
      },
      ...(isContent
        ? {
            writes: () => {
              const t = target();
              return { sheet: t.sheet.name, address: boxA1(t.box) };
            },
          }
        : {}),
    });
  }

  get values(): Excel.Range['values'] {
    return this.get$('values');
  }
  set values(v: Excel.Range['values']) {
    this.write('values', v, (s, b, g) => s.writeBox(b, g, true), true);
  }
  get formulas(): Excel.Range['formulas'] {
    return this.get$('formulas');
  }
  set formulas(v: Excel.Range['formulas']) {
    this.write(
      'formulas',
      v,
      (s, b, g) => {
        s.writeBox(b, g, true);
        autofillCalculatedColumn(s, b, g);
      },
      true,
    );
  }
  get numberFormat(): Excel.Range['numberFormat'] {
    return this.get$('numberFormat');
  }
  set numberFormat(v: Excel.Range['numberFormat']) {
    this.write(
      'numberFormat',
      v,
      (s, b, g) => {
        for (let r = b.r0; r <= b.r1; r++)
          for (let c = b.c0; c <= b.c1; c++)
            s.mutate(r, c, (x) => {
              x.numberFormat = String(g[r - b.r0][c - b.c0]);
            });
      },
      false,
    );
  }
  get valueTypes(): Excel.Range['valueTypes'] {
    return this.get$('valueTypes');
  }
  get text(): Excel.Range['text'] {
    return this.get$('text');
  }
  /** Range.worksheet: the sheet the range is on (id and name loadable). */
  get worksheet(): RangeSheet {
    return new RangeSheet(this.context, () => this.target().sheet);
  }
  get address(): Excel.Range['address'] {
    return this.get$('address');
  }
  get rowCount(): Excel.Range['rowCount'] {
    return this.get$('rowCount');
  }
  get columnCount(): Excel.Range['columnCount'] {
    return this.get$('columnCount');
  }
  get rowIndex(): Excel.Range['rowIndex'] {
    return this.get$('rowIndex');
  }
  get columnIndex(): Excel.Range['columnIndex'] {
    return this.get$('columnIndex');
  }
  get columnHidden(): Excel.Range['columnHidden'] {
    return this.get$('columnHidden');
  }
  set columnHidden(v: Excel.Range['columnHidden']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        const { sheet, box } = this.target();
        if (sheet.isProtected && !sheet.protectionOptions.allowFormatColumns) throw new DoubleError('AccessDenied', 'Hiding columns on a protected sheet');
        for (let c = box.c0; c <= box.c1; c++)
          if (v) sheet.hiddenCols.add(c);
          else sheet.hiddenCols.delete(c);
      },
    });
  }
  get rowHidden(): Excel.Range['rowHidden'] {
    return this.get$('rowHidden');
  }
  set rowHidden(v: Excel.Range['rowHidden']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        const { sheet, box } = this.target();
        if (sheet.isProtected && !sheet.protectionOptions.allowFormatRows) throw new DoubleError('AccessDenied', 'Hiding rows on a protected sheet');
        for (let r = box.r0; r <= Math.min(box.r1, 1_048_575); r++)
          if (v) sheet.hiddenRows.add(r);
          else sheet.hiddenRows.delete(r);
      },
    });
  }

  load(propertyNames?: string | string[] | Excel.Interfaces.RangeLoadOptions): this {
    const props = propsOf(propertyNames);
    this.queueLoad(props.length ? props : ['values', 'formulas', 'numberFormat', 'address'], () => {
      const { sheet, box } = this.target();
      const grid = <T>(f: (r: number, c: number) => T): T[][] =>
        Array.from({ length: box.r1 - box.r0 + 1 }, (_, i) => Array.from({ length: box.c1 - box.c0 + 1 }, (_, j) => f(box.r0 + i, box.c0 + j)));
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p === 'values') out.values = grid((r, c) => sheet.valueAt(r, c));
        else if (p === 'formulas') out.formulas = grid((r, c) => sheet.cell(r, c).formula ?? sheet.cell(r, c).value);
        else if (p === 'numberFormat') out.numberFormat = grid((r, c) => sheet.cell(r, c).numberFormat);
        else if (p === 'valueTypes') out.valueTypes = grid((r, c) => valueTypeOf(sheet, r, c));
        else if (p === 'text') out.text = grid((r, c) => displayText(sheet.valueAt(r, c), sheet.cell(r, c).numberFormat));
        else if (p === 'address') out.address = `${quoteIfNeeded(sheet.name)}!${boxA1(box)}`;
        else if (p === 'rowCount') out.rowCount = box.r1 - box.r0 + 1;
        else if (p === 'columnCount') out.columnCount = box.c1 - box.c0 + 1;
        else if (p === 'rowIndex') out.rowIndex = box.r0;
        else if (p === 'columnIndex') out.columnIndex = box.c0;
        else if (p === 'columnHidden') out.columnHidden = sheet.hiddenCols.has(box.c0);
        else if (p === 'rowHidden') out.rowHidden = sheet.isRowHidden(box.r0);
        else throw new DoubleError('InvalidArgument', `The double does not load Range.${p}`);
      }
      return out;
    });
    return this;
  }

  private derive(fn: (b: Box, sheet: SheetModel) => Box): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, box: fn(t.box, t.sheet) };
    });
  }
  getCell(...[row, column]: Parameters<Excel.Range['getCell']>): FakeRange {
    return this.derive((b) => ({ r0: b.r0 + row, c0: b.c0 + column, r1: b.r0 + row, c1: b.c0 + column }));
  }
  getResizedRange(...[deltaRows, deltaColumns]: Parameters<Excel.Range['getResizedRange']>): FakeRange {
    return this.derive((b) => ({ ...b, r1: b.r1 + deltaRows, c1: b.c1 + deltaColumns }));
  }
  /**
   * Range.getUsedRange (ExcelApi 1.1): "If there are no used cells within the range, this function
   * will throw an ItemNotFound error" (@types/office-js, Excel.Range.getUsedRange). The double
   * counts cells with a value or formula as used, i.e. the valuesOnly=true reading.
   */
  getUsedRange(..._args: Parameters<Excel.Range['getUsedRange']>): FakeRange {
    return this.derive((b, sheet) => {
      const u = sheet.used();
      const box = u && { r0: Math.max(b.r0, u.r0), c0: Math.max(b.c0, u.c0), r1: Math.min(b.r1, u.r1), c1: Math.min(b.c1, u.c1) };
      if (!box || box.r0 > box.r1 || box.c0 > box.c1) throw new DoubleError('ItemNotFound', `No used cells in ${sheet.name}!${boxA1(b)}`);
      return box;
    });
  }

  clear(..._args: Parameters<Excel.Range['clear']>): void {
    this.context.enqueue({
      bytes: measure('clear'),
      run: () => {
        const { sheet, box } = this.target();
        guard(sheet, box, 'Clearing');
        for (let r = box.r0; r <= Math.min(box.r1, 1_048_575); r++) for (let c = box.c0; c <= box.c1; c++) sheet.cells.delete(r * 16_384 + c);
        sheet.book.mirror(sheet, { ...box, r1: Math.min(box.r1, sheet.used()?.r1 ?? box.r0) });
      },
    });
  }

  /**
   * Range.select (ExcelApi 1.1) selects in the UI; Excel only honours it on the active worksheet
   * (office-js issue #5118: select on another sheet leaves the selection where it was), so the
   * double refuses it there: the add-in must activate the sheet first.
   */
  select(): void {
    this.context.enqueue({
      bytes: measure('select'),
      run: () => {
        const { sheet, box } = this.target();
        if (sheet.book.activeSheet !== sheet) throw new DoubleError('InvalidSelection', `Selecting ${sheet.name}!${boxA1(box)}: the sheet is not active`);
        sheet.book.selection = { sheet: sheet.name, address: boxA1(box) };
      },
    });
  }

  /** Only whole-sheet deletes (the add-in's reset) are modelled: everything on the sheet goes. */
  delete(...[shift]: Parameters<Excel.Range['delete']>): void {
    this.context.enqueue({
      bytes: measure(shift),
      run: () => {
        const { sheet, box } = this.target();
        if (sheet.isProtected) throw new DoubleError('AccessDenied', 'Deleting cells on a protected sheet');
        if (box.r0 !== 0 || box.r1 < 1_048_575) throw new DoubleError('NotImplemented', 'The double deletes only the whole sheet (getRange().delete)');
        sheet.clearAll();
      },
    });
  }

  ungroup(...[groupOption]: Parameters<Excel.Range['ungroup']>): void {
    this.context.enqueue({
      bytes: measure(groupOption),
      run: () => {
        const { sheet, box } = this.target();
        sheet.book.requireApi('1.10', 'Range.ungroup');
        if (sheet.isProtected) throw new DoubleError('AccessDenied', 'Ungrouping on a protected sheet');
        for (let r = box.r0; r <= Math.min(box.r1, 1_048_575); r++) {
          const level = (sheet.outline.get(r) ?? 0) - 1;
          if (level > 0) sheet.outline.set(r, level);
          else sheet.outline.delete(r);
        }
      },
    });
  }

  group(...[groupOption]: Parameters<Excel.Range['group']>): void {
    this.context.enqueue({
      bytes: measure(groupOption),
      run: () => {
        const { sheet, box } = this.target();
        sheet.book.requireApi('1.10', 'Range.group');
        if (sheet.isProtected) throw new DoubleError('AccessDenied', 'Grouping on a protected sheet');
        if (groupOption !== 'ByRows') throw new DoubleError('NotImplemented', 'The double groups rows only');
        for (let r = box.r0; r <= box.r1; r++) sheet.outline.set(r, (sheet.outline.get(r) ?? 0) + 1);
      },
    });
  }
}

const quoteIfNeeded = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/**
 * Range.valueTypes (ExcelApi 1.1; Excel.RangeValueType: Empty, String, Double, Integer, Boolean,
 * Error, RichValue, Unknown). Numbers are reported as Double, the type Excel gives a numeric cell;
 * a formula whose result is an error (#N/A, #VALUE!…) is Error while `values` shows its text.
 */
function valueTypeOf(sheet: SheetModel, r: number, c: number): Excel.RangeValueType {
  const v = sheet.valueAt(r, c);
  if (v === '') return 'Empty' as Excel.RangeValueType;
  if (typeof v === 'number') return 'Double' as Excel.RangeValueType;
  if (typeof v === 'boolean') return 'Boolean' as Excel.RangeValueType;
  if (sheet.cell(r, c).formula !== null && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|ERROR!|CYCLE!)$/.test(v))
    return 'Error' as Excel.RangeValueType;
  return 'String' as Excel.RangeValueType;
}
