// Range.format (fill, font, protection, wrap, row height, column width) and Range.worksheet of the
// double. Formatting a protected sheet fails unless the protection options allow it, like Excel.

import { DoubleError, type FakeContext, Proxy, measure } from './context';
import type { Cell, SheetModel } from './model';
import type { Target } from './range';

function each(sheet: SheetModel, box: { r0: number; c0: number; r1: number; c1: number }, fn: (c: Cell) => void): void {
  for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) sheet.mutate(r, c, fn);
}

class FakeFormatPart extends Proxy {
  constructor(
    context: FakeContext,
    protected readonly target: Target,
  ) {
    super(context);
  }
  protected set(prop: string, v: unknown, apply: (c: Cell) => void, needsUnprotected = true): void {
    this.context.enqueue({
      bytes: measure({ [prop]: v }),
      run: () => {
        const { sheet, box } = this.target();
        if (needsUnprotected && sheet.isProtected) throw new DoubleError('AccessDenied', `Setting ${prop} on a protected sheet`);
        each(sheet, box, apply);
      },
    });
  }
}

export class FakeRangeFill extends FakeFormatPart {
  set color(v: Excel.RangeFill['color']) {
    this.set('fill.color', v, (c) => {
      c.fill = v;
    });
  }
  get color(): Excel.RangeFill['color'] {
    return this.get$('color');
  }
  clear(): void {
    this.set('fill.clear', null, (c) => {
      c.fill = null;
    });
  }
}
export class FakeRangeFont extends FakeFormatPart {
  set bold(v: Excel.RangeFont['bold']) {
    this.set('font.bold', v, (c) => {
      c.bold = v;
    });
  }
  get bold(): Excel.RangeFont['bold'] {
    return this.get$('bold');
  }
}
export class FakeFormatProtection extends FakeFormatPart {
  set locked(v: Excel.FormatProtection['locked']) {
    this.set('locked', v, (c) => {
      c.locked = v;
    });
  }
  get locked(): Excel.FormatProtection['locked'] {
    return this.get$('locked');
  }
}

export class FakeRangeFormat extends FakeFormatPart {
  readonly fill = new FakeRangeFill(this.context, this.target);
  readonly font = new FakeRangeFont(this.context, this.target);
  readonly protection = new FakeFormatProtection(this.context, this.target);
  set wrapText(v: Excel.RangeFormat['wrapText']) {
    this.set('wrapText', v, () => undefined);
  }
  set rowHeight(v: Excel.RangeFormat['rowHeight']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        const { sheet, box } = this.target();
        if (sheet.isProtected && !sheet.protectionOptions.allowFormatRows) throw new DoubleError('AccessDenied', 'Row height on a protected sheet');
        for (let r = box.r0; r <= box.r1; r++) sheet.rowHeights.set(r, v);
      },
    });
  }
  set columnWidth(v: Excel.RangeFormat['columnWidth']) {
    this.context.enqueue({
      bytes: measure(v),
      run: () => {
        const { sheet, box } = this.target();
        if (sheet.isProtected && !sheet.protectionOptions.allowFormatColumns) throw new DoubleError('AccessDenied', 'Column width on a protected sheet');
        for (let c = box.c0; c <= box.c1; c++) sheet.colWidths.set(c, v);
      },
    });
  }
}

export class RangeSheet extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context);
  }
  get id(): string {
    return this.get$('id');
  }
  get name(): string {
    return this.get$('name');
  }
  load(_props?: string | string[]): this {
    this.queueLoad(['id', 'name'], () => ({ id: this.sheet().id, name: this.sheet().name }));
    return this;
  }
}
