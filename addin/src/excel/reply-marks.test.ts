// Reply marks on the G703 description cells, and selecting a line's row, in the workbook double.
import { afterEach, describe, expect, it } from 'vitest';
import { largeView } from '../workbook-double/demo-views';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { renderInvoice } from './render-invoice';
import { REPLY_FILL, applyReplyMarks, selectLine } from './reply-marks';
import { columnIndexOf } from './sheet-info';
import { cellA1 } from './a1';
import { MARK_PREFIX } from './marks';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

describe('applyReplyMarks / selectLine', () => {
  it('notes the reply sentence on the description cell, replaces and removes it, leaves other lines alone', async () => {
    wb = installWorkbookDouble({ apiVersion: '1.18' });
    const { info } = await renderInvoice(largeView(5));
    const b = (lineId: string) => cellA1(info.rowByLineId[lineId]!, columnIndexOf(info, 'description'));
    await applyReplyMarks(
      info,
      [
        { lineId: 'L2', note: 'Reply from María: “partida 2 mal medida”' },
        { lineId: 'L4', note: 'four' },
      ],
      [],
    );
    let snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.notes).toEqual({ [b('L2')]: `${MARK_PREFIX}Reply from María: “partida 2 mal medida”`, [b('L4')]: `${MARK_PREFIX}four` });
    expect(snap.fills[info.rowByLineId.L2!]![columnIndexOf(info, 'description')]).toBe(REPLY_FILL);
    // a newer reply replaces the note (notes.add on a noted cell would fail); a saved line loses it
    await applyReplyMarks(info, [{ lineId: 'L2', note: 'newer' }], ['L4']);
    snap = wb.getSheetSnapshot(info.g703Sheet);
    expect(snap.notes).toEqual({ [b('L2')]: `${MARK_PREFIX}newer` });
    expect(snap.fills[info.rowByLineId.L4!]![columnIndexOf(info, 'description')]).toBeNull();
  });

  it('selects the row of a line after activating its sheet (Excel selects on the active sheet only)', async () => {
    wb = installWorkbookDouble({ apiVersion: '1.18' });
    const { info } = await renderInvoice(largeView(5));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(info.g702Sheet).activate();
      await context.sync();
    });
    expect(await selectLine(info, 'L3')).toBe(true);
    expect(wb.book.selection).toEqual({ sheet: info.g703Sheet, address: cellA1(info.rowByLineId.L3!, columnIndexOf(info, 'description')) });
    expect(await selectLine(info, 'nope')).toBe(false);
  });
});
