// Excel.Workbook of the double: worksheets, tables, settings (persisted key/values) and comments.

import { cellA1 } from '../excel/a1';
import { DoubleError, type FakeContext, Proxy, measure } from './context';
import type { Book, CommentModel } from './model';
import { FakeRange } from './range';
import { FakeWorksheetCollection } from './sheet';
import { FakeTableCollection } from './table';

class FakeSetting extends Proxy {
  private isNull: boolean | null;
  constructor(
    context: FakeContext,
    private readonly book: Book,
    readonly key: string,
    isNullable: boolean,
  ) {
    super(context);
    this.isNull = isNullable ? null : false;
    if (isNullable)
      context.enqueue({
        bytes: measure(key),
        run: () => {
          this.isNull = !this.book.settings.has(key);
        },
      });
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new DoubleError('PropertyNotLoaded', 'isNullObject is known after context.sync()');
    return this.isNull;
  }
  get value(): Excel.Setting['value'] {
    return this.get$('value');
  }
  load(): this {
    this.queueLoad(['value'], () => ({ value: this.book.settings.get(this.key) ?? null }));
    return this;
  }
  delete(): void {
    this.context.enqueue({
      bytes: measure(this.key),
      run: () => {
        this.book.settings.delete(this.key);
      },
    });
  }
}

class FakeSettingCollection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly book: Book,
  ) {
    super(context);
  }
  add(...[key, value]: Parameters<Excel.SettingCollection['add']>): FakeSetting {
    // Settings hold JSON: a stored value comes back as a copy, never the same object.
    this.context.enqueue({
      bytes: measure({ key, value }),
      run: () => {
        this.book.settings.set(key, JSON.parse(JSON.stringify(value)));
      },
    });
    return new FakeSetting(this.context, this.book, key, false);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this.book, key, false);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this.book, key, true);
  }
}

class FakeComment extends Proxy {
  constructor(
    context: FakeContext,
    private readonly book: Book,
    private readonly model: CommentModel,
  ) {
    super(context);
  }
  get content(): Excel.Comment['content'] {
    return this.model.content;
  }
  get id(): Excel.Comment['id'] {
    return this.model.id;
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => this.book.resolve(this.model.address, this.model.sheet));
  }
  delete(): void {
    this.context.enqueue({
      bytes: measure('delete'),
      run: () => {
        this.book.comments = this.book.comments.filter((c) => c !== this.model);
      },
    });
  }
}

let commentId = 1;

class FakeCommentCollection extends Proxy {
  private listed: FakeComment[] | null = null;
  constructor(
    context: FakeContext,
    private readonly book: Book,
  ) {
    super(context);
  }
  add(...[cellAddress, content]: Parameters<Excel.CommentCollection['add']>): void {
    this.context.enqueue({
      bytes: measure({ cellAddress, content }),
      run: () => {
        this.book.requireApi('1.10', 'CommentCollection.add');
        const { sheet, box } = this.book.resolve(String(cellAddress), null);
        if (sheet.isProtected) throw new DoubleError('AccessDenied', 'Adding a comment on a protected sheet');
        this.book.comments.push({ id: `c${commentId++}`, sheet, address: cellA1(box.r0, box.c0), content: String(content) });
      },
    });
  }
  get items(): FakeComment[] {
    if (!this.listed) throw new DoubleError('PropertyNotLoaded', 'Load items first');
    return this.listed;
  }
  load(): this {
    this.context.enqueue({
      bytes: measure('items'),
      run: () => {
        this.book.requireApi('1.10', 'CommentCollection.load');
        this.listed = this.book.comments.map((c) => new FakeComment(this.context, this.book, c));
        return measure(this.book.comments.map((c) => c.content));
      },
    });
    return this;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly comments: FakeCommentCollection;
  private readonly context: FakeContext;
  private readonly book: Book;
  constructor(context: FakeContext, book: Book) {
    this.context = context;
    this.book = book;
    this.worksheets = new FakeWorksheetCollection(context, book);
    this.tables = new FakeTableCollection(context, book, null);
    this.settings = new FakeSettingCollection(context, book);
    this.comments = new FakeCommentCollection(context, book);
  }
  /**
   * "Gets the currently selected single range from the workbook. If there are multiple ranges
   * selected, this method will throw an error." (Excel.Workbook.getSelectedRange, ExcelApi 1.1)
   */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.book.selection;
      if (sel?.address.includes(',')) throw new DoubleError('InvalidSelection', `Several ranges are selected (${sel.address}); getSelectedRange reads one`);
      const sheet = (sel && this.book.sheet(sel.sheet)) || this.book.activeSheet || this.book.sheets[0];
      if (!sheet) throw new DoubleError('ItemNotFound', 'No worksheet to select in');
      return this.book.resolve(sel && sel.sheet === sheet.name ? sel.address : 'A1', sheet);
    });
  }
}
