// Worksheet.notes of the double (ExcelApi 1.18): one note per cell, add fails where one exists,
// nothing on a protected sheet; hosts below 1.18 fail with ApiNotFound (model.ts requireApi).

import { DoubleError, type FakeContext, Proxy, measure } from './context';
import type { SheetModel } from './model';

class FakeNote extends Proxy {
  private isNull: boolean | null;
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
    private readonly address: string,
    isNullable: boolean,
  ) {
    super(context);
    this.isNull = isNullable ? null : false;
    if (isNullable)
      context.enqueue({
        bytes: measure(address),
        run: () => {
          this.sheet().book.requireApi('1.18', 'NoteCollection.getItemOrNullObject');
          this.isNull = !this.sheet().notes.has(this.key());
        },
      });
  }
  private key() {
    return this.address.replace(/\$/g, '').replace(/^.*!/, '').toUpperCase();
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new DoubleError('PropertyNotLoaded', 'isNullObject is known after context.sync()');
    return this.isNull;
  }
  get content(): Excel.Note['content'] {
    return this.get$('content');
  }
  load(): this {
    this.queueLoad(['content'], () => ({ content: this.sheet().notes.get(this.key()) }));
    return this;
  }
  delete(): void {
    this.context.enqueue({
      bytes: measure('delete'),
      run: () => {
        this.sheet().notes.delete(this.key());
      },
    });
  }
}

export class FakeNoteCollection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context);
  }
  add(...[cellAddress, content]: Parameters<Excel.NoteCollection['add']>): FakeNote {
    const address = String(cellAddress);
    this.context.enqueue({
      bytes: measure({ address, content }),
      run: () => {
        const s = this.sheet();
        s.book.requireApi('1.18', 'NoteCollection.add');
        const key = address.replace(/\$/g, '').replace(/^.*!/, '').toUpperCase();
        if (s.isProtected) throw new DoubleError('AccessDenied', 'Adding a note on a protected sheet');
        if (s.notes.has(key)) throw new DoubleError('InvalidArgument', `${key} already has a note`);
        s.notes.set(key, String(content));
      },
    });
    return new FakeNote(this.context, this.sheet, address, false);
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this.sheet, key, true);
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.context, this.sheet, key, false);
  }
}
