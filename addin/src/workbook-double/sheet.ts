// Excel.Worksheet and Excel.WorksheetCollection of the double, with protection, notes, freeze
// panes, outline levels and the onChanged event.

import { DoubleError, type FakeContext, Proxy, measure, propsOf } from './context';
import type { Book, ChangeListener, SheetModel } from './model';
import { FakeRange } from './range';
import { FakeNoteCollection } from './notes';
import { FakeTableCollection } from './table';
import { touchUndo } from './undo';

export class FakeWorksheet extends Proxy {
  private isNull: boolean | null;
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly notes: FakeNoteCollection;
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly onChanged: { add: (handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => { context: FakeContext; remove: () => void } };

  constructor(
    context: FakeContext,
    private readonly book: Book,
    private readonly find: () => SheetModel | null,
    isNullable = false,
  ) {
    super(context);
    this.isNull = isNullable ? null : false;
    if (isNullable)
      context.enqueue({
        bytes: measure('sheet'),
        run: () => {
          this.isNull = this.find() === null;
        },
      });
    const model = () => this.model();
    this.protection = new FakeWorksheetProtection(context, model);
    this.tables = new FakeTableCollection(context, book, model);
    this.notes = new FakeNoteCollection(context, model);
    this.freezePanes = {
      // WorksheetFreezePanes.freezeRows: "[Api set: ExcelApi 1.7]" (@types/office-js)
      freezeRows: (count = 1) =>
        context.enqueue({
          bytes: measure(count),
          run: () => {
            book.requireApi('1.7', 'WorksheetFreezePanes.freezeRows');
            model().frozenRows = count;
          },
        }),
    };
    this.onChanged = {
      add: (handler) => {
        const listener = handler as unknown as ChangeListener;
        context.enqueue({
          bytes: measure('onChanged'),
          run: () => {
            book.requireApi('1.7', 'Worksheet.onChanged');
            model().listeners.add(listener);
          },
        });
        return {
          context,
          remove: () =>
            context.enqueue({
              bytes: measure('remove'),
              run: () => {
                model().listeners.delete(listener);
              },
            }),
        };
      },
    };
  }

  model(): SheetModel {
    const s = this.find();
    if (!s) throw new DoubleError('ItemNotFound', 'The requested worksheet does not exist');
    return s;
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new DoubleError('PropertyNotLoaded', 'isNullObject is known after context.sync()');
    return this.isNull;
  }
  get name(): Excel.Worksheet['name'] {
    return this.get$('name');
  }
  set name(v: Excel.Worksheet['name']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        touchUndo(this.book, 'Worksheet.name');
        this.book.renameSheet(this.model(), v);
      },
    });
  }
  get id(): Excel.Worksheet['id'] {
    return this.get$('id');
  }
  load(propertyNames?: string | string[]): this {
    const props = propsOf(propertyNames);
    this.queueLoad(props.length ? props : ['name', 'id'], () => ({ name: this.model().name, id: this.model().id }));
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      if (!address) return { sheet, box: { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 } };
      return this.book.resolve(address, sheet);
    });
  }
  /**
   * Worksheet.getUsedRange (ExcelApi 1.1): "the smallest range that encompasses any cells that have a
   * value or formatting assigned to them. If the entire worksheet is blank, this function will return
   * the top left cell" (@types/office-js). The double counts values and formulas only — a subset of
   * Excel's range — so clearing it leaves at least what Excel would leave (never less).
   */
  getUsedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      return { sheet, box: sheet.used() ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  delete(): void {
    this.context.enqueue({
      bytes: measure('delete'),
      run: () => {
        touchUndo(this.book, 'Worksheet.delete');
        this.book.removeSheet(this.model());
      },
    });
  }
  activate(): void {
    this.context.enqueue({
      bytes: measure('activate'),
      run: () => {
        this.book.activeSheet = this.model();
      },
    });
  }
  showOutlineLevels(...[rowLevels]: Parameters<Excel.Worksheet['showOutlineLevels']>): void {
    this.context.enqueue({
      bytes: measure(rowLevels),
      run: () => {
        this.book.requireApi('1.10', 'Worksheet.showOutlineLevels');
        const s = this.model();
        // No protection option allows outlining (OfficeDev/office-js#2871).
        if (s.isProtected) throw new DoubleError('AccessDenied', 'Outline on a protected sheet');
        // showing level n hides rows deeper than n
        s.collapsedToLevel = rowLevels > 0 ? rowLevels : null;
      },
    });
  }
}

export class FakeWorksheetProtection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context);
  }
  get protected(): Excel.WorksheetProtection['protected'] {
    return this.get$('protected');
  }
  load(propertyNames?: string | string[]): this {
    this.queueLoad(propsOf(propertyNames).length ? propsOf(propertyNames) : ['protected'], () => ({
      protected: this.sheet().isProtected,
      options: this.sheet().protectionOptions,
    }));
    return this;
  }
  /** protect(options, password): "Fails if the worksheet has already been protected"; clears Undo. */
  protect(...[options, password]: Parameters<Excel.WorksheetProtection['protect']>): void {
    this.context.enqueue({
      bytes: measure({ options, password }),
      run: () => {
        const s = this.sheet();
        touchUndo(s.book, 'WorksheetProtection.protect');
        if (s.isProtected) throw new DoubleError('InvalidOperation', `${s.name} is already protected`);
        s.isProtected = true;
        s.protectionOptions = { ...(options ?? {}) };
        s.password = password ?? null;
      },
    });
  }
  /** unprotect(password) (the password since ExcelApi 1.7): a wrong or missing one fails; clears Undo. */
  unprotect(...[password]: Parameters<Excel.WorksheetProtection['unprotect']>): void {
    this.context.enqueue({
      bytes: measure({ password }),
      run: () => {
        const s = this.sheet();
        touchUndo(s.book, 'WorksheetProtection.unprotect');
        if (s.isProtected && s.password !== null && s.password !== password)
          throw new DoubleError('InvalidArgument', 'The password you supplied is not correct');
        s.isProtected = false;
        s.password = null;
      },
    });
  }
}

export class FakeWorksheetCollection extends Proxy {
  private listed: FakeWorksheet[] | null = null;
  /** Occurs when any worksheet in the workbook is changed (ExcelApi 1.9); survives sheet deletion. */
  readonly onChanged: FakeWorksheet['onChanged'];
  constructor(
    context: FakeContext,
    private readonly book: Book,
  ) {
    super(context);
    this.onChanged = {
      add: (handler) => {
        const listener = handler as unknown as ChangeListener;
        context.enqueue({
          bytes: measure('onChanged'),
          run: () => {
            book.requireApi('1.9', 'WorksheetCollection.onChanged');
            book.workbookListeners.add(listener);
          },
        });
        return {
          context,
          remove: () =>
            context.enqueue({
              bytes: measure('remove'),
              run: () => {
                book.workbookListeners.delete(listener);
              },
            }),
        };
      },
    };
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.book, () => this.book.sheet(key) ?? null);
  }
  /** WorksheetCollection.getItemOrNullObject: "[Api set: ExcelApi 1.4]" (@types/office-js) */
  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.enqueue({ bytes: measure(key), run: () => this.book.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject') });
    return new FakeWorksheet(this.context, this.book, () => this.book.sheet(key) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.book, () => this.book.activeSheet ?? this.book.sheets[0] ?? null);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.context.enqueue({
      bytes: measure(name),
      run: () => {
        created = this.book.addSheet(name ?? `Sheet${this.book.sheets.length + 1}`);
      },
    });
    return new FakeWorksheet(this.context, this.book, () => created);
  }
  get items(): FakeWorksheet[] {
    if (!this.listed) throw new DoubleError('PropertyNotLoaded', 'Load items first');
    return this.listed;
  }
  load(_props?: string | string[]): this {
    this.context.enqueue({
      bytes: measure('items'),
      run: () => {
        this.listed = this.book.sheets.map((s) => {
          const w = new FakeWorksheet(this.context, this.book, () => s);
          (w as unknown as { data: Record<string, unknown>; loaded: Set<string> }).data = { name: s.name, id: s.id };
          (w as unknown as { loaded: Set<string> }).loaded = new Set(['name', 'id']);
          return w;
        });
        return measure(this.book.sheets.map((s) => s.name));
      },
    });
    return this;
  }
}
