// Excel.Table, its collection, columns and AutoFilter values filters, for the double.

import { DoubleError, type FakeContext, Proxy, measure, propsOf } from './context';
import type { Book, SheetModel, TableModel } from './model';
import { FakeRange } from './range';
import { touchUndo } from './undo';

type Find = () => TableModel | null;

export class FakeTable extends Proxy {
  private isNull: boolean | null = null;
  readonly columns: FakeTableColumnCollection;
  constructor(
    context: FakeContext,
    private readonly find: Find,
    isNullable = false,
  ) {
    super(context);
    this.columns = new FakeTableColumnCollection(context, () => this.model());
    if (isNullable)
      context.enqueue({
        bytes: measure('table'),
        run: () => {
          this.isNull = this.find() === null;
        },
      });
    else this.isNull = false;
  }
  model(): TableModel {
    const t = this.find();
    if (!t) throw new DoubleError('ItemNotFound', 'The requested table does not exist');
    return t;
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new DoubleError('PropertyNotLoaded', 'isNullObject is known after context.sync()');
    return this.isNull;
  }
  get name(): Excel.Table['name'] {
    return this.get$('name');
  }
  set name(v: Excel.Table['name']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        const t = this.model();
        if (t.sheet.book.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()))
          throw new DoubleError('InvalidArgument', `A table named ${v} already exists`);
        t.name = v;
      },
    });
  }
  set style(v: Excel.Table['style']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        this.model().style = v;
      },
    });
  }
  load(propertyNames?: string | string[]): this {
    const props = propsOf(propertyNames);
    this.queueLoad(props.length ? props : ['name'], () => ({ name: this.model().name, style: this.model().style }));
    return this;
  }
  delete(): void {
    this.context.enqueue({
      bytes: measure('delete'),
      run: () => {
        const t = this.model();
        const { sheet, box } = t;
        if (sheet.isProtected) throw new DoubleError('AccessDenied', 'Deleting a table on a protected sheet');
        sheet.book.tables = sheet.book.tables.filter((x) => x !== t);
        for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) sheet.cells.delete(r * 16_384 + c);
        sheet.book.mirror(sheet, box);
      },
    });
  }
  /** Table.convertToRange (ExcelApi 1.2): the table goes, its cells and formats stay. */
  convertToRange(): FakeRange {
    this.context.enqueue({
      bytes: measure('convertToRange'),
      run: () => {
        const t = this.model();
        if (t.sheet.isProtected) throw new DoubleError('AccessDenied', 'Converting a table on a protected sheet');
        t.sheet.book.tables = t.sheet.book.tables.filter((x) => x !== t);
      },
    });
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, box: this.model().box }));
  }
  get worksheet(): FakeWorksheetRef {
    return new FakeWorksheetRef(this.context, () => this.model().sheet);
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, box: this.model().box }));
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.model();
      return { sheet: t.sheet, box: { ...t.box, r1: t.box.r0 } };
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.model();
      return { sheet: t.sheet, box: { ...t.box, r0: t.box.r0 + 1 } };
    });
  }
}

export class FakeTableColumnCollection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly table: () => TableModel,
  ) {
    super(context);
  }
  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, this.table, () => index);
  }
  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, this.table, () => {
      const t = this.table();
      if (typeof key === 'number') return key;
      for (let c = t.box.c0; c <= t.box.c1; c++) if (String(t.sheet.valueAt(t.box.r0, c)) === key) return c - t.box.c0;
      throw new DoubleError('ItemNotFound', `No table column ${key}`);
    });
  }
}

export class FakeTableColumn extends Proxy {
  readonly filter: FakeFilter;
  constructor(context: FakeContext, table: () => TableModel, index: () => number) {
    super(context);
    this.filter = new FakeFilter(context, table, index);
  }
}

export class FakeFilter extends Proxy {
  constructor(
    context: FakeContext,
    private readonly table: () => TableModel,
    private readonly index: () => number,
  ) {
    super(context);
  }
  /**
   * Filtering inside a table on a protected sheet fails whatever allowAutoFilter says: protection
   * options "work only outside tables" (OfficeDev/office-js#2135).
   */
  private check(t: TableModel) {
    if (t.sheet.isProtected) throw new DoubleError('AccessDenied', 'Filtering a table on a protected sheet');
  }
  applyValuesFilter(...[values]: Parameters<Excel.Filter['applyValuesFilter']>): void {
    this.context.enqueue({
      bytes: measure(values),
      run: () => {
        const t = this.table();
        this.check(t);
        t.filters.set(
          this.index(),
          values.map((v) => (typeof v === 'string' ? v : String((v as { date?: string }).date ?? v))),
        );
      },
    });
  }
  clear(): void {
    this.context.enqueue({
      bytes: measure('clear'),
      run: () => {
        const t = this.table();
        this.check(t);
        t.filters.delete(this.index());
      },
    });
  }
}

/** Worksheet.tables (add) and Workbook.tables (lookup by name). */
export class FakeTableCollection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly book: Book,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context);
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.lookup(key));
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this.lookup(key), true);
  }
  private lookup(key: string): TableModel | null {
    const t = this.book.tables.find((x) => x.name.toLowerCase() === key.toLowerCase() && (!this.sheet || x.sheet === this.sheet()));
    return t ?? null;
  }
  add(...[address, hasHeaders]: Parameters<Excel.TableCollection['add']>): FakeTable {
    let created: TableModel | null = null;
    this.context.enqueue({
      bytes: measure({ address, hasHeaders }),
      run: () => {
        const { sheet, box } = this.book.resolve(String(address), this.sheet ? this.sheet() : null);
        if (sheet.isProtected) throw new DoubleError('AccessDenied', 'Adding a table on a protected sheet');
        const overlaps = this.book.tables.some((t) => t.sheet === sheet && !(box.r1 < t.box.r0 || box.r0 > t.box.r1 || box.c1 < t.box.c0 || box.c0 > t.box.c1));
        if (overlaps) throw new DoubleError('InvalidOperation', 'A table cannot overlap another table');
        let n = this.book.tables.length + 1;
        while (this.book.tables.some((t) => t.name === `Table${n}`)) n++;
        created = { name: `Table${n}`, sheet, box, style: 'TableStyleMedium2', filters: new Map() };
        this.book.tables.push(created);
      },
    });
    return new FakeTable(this.context, () => created);
  }
}

/** Table.worksheet: enough of a worksheet to unprotect the table's sheet. */
class FakeWorksheetRef extends Proxy {
  readonly protection: { unprotect: () => void };
  constructor(context: FakeContext, sheet: () => SheetModel) {
    super(context);
    this.protection = {
      unprotect: () =>
        context.enqueue({
          bytes: measure('unprotect'),
          run: () => {
            touchUndo(sheet().book, 'WorksheetProtection.unprotect');
            if (sheet().password !== null) throw new DoubleError('InvalidArgument', 'The password you supplied is not correct');
            sheet().isProtected = false;
          },
        }),
    };
  }
}
