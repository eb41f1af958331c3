// Change events, reported as plain data. One registration on workbook.worksheets.onChanged
// (ExcelApi 1.9: "Occurs when any worksheet in the workbook is changed") hears every sheet and
// names it by worksheetId, so it survives the G703 sheet being deleted, recreated or renamed — a
// handler registered on the sheet itself "no longer triggers" once that object is deleted
// (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). The add-in's own
// writes are recognised by triggerSource (ExcelApi 1.14) or, on older hosts, by the own-write log;
// co-authors' changes arrive with source 'Remote' (same page, "Events and coauthoring").

import { takeOwnWrite } from './own-writes';
import { runBatch } from './run';

export type SheetChange = {
  address: string;
  changeType: string;
  /** 'Local' | 'Remote' (a co-author's edit arrives as Remote) */
  source: string;
  /** 'ThisLocalAddin' | 'Unknown', or null where the host predates ExcelApi 1.14 */
  triggerSource: string | null;
  isOwnWrite: boolean;
  /** Worksheet.id of the changed sheet */
  worksheetId: string;
};

export type Watch = { remove: () => Promise<void> };

/** Every change in the workbook; the caller filters by worksheetId. */
export async function watchWorkbookChanges(handler: (change: SheetChange) => void): Promise<Watch> {
  return runBatch(async (context) => {
    const registration = context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      const triggerSource = (args as { triggerSource?: string }).triggerSource ?? null;
      const isOwnWrite = triggerSource === 'ThisLocalAddin' || (triggerSource === null && takeOwnWrite(args.worksheetId, args.address));
      handler({ address: args.address, changeType: args.changeType, source: args.source, triggerSource, isOwnWrite, worksheetId: args.worksheetId });
    });
    await context.sync();
    return {
      remove: () =>
        Excel.run(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        }),
    };
  });
}

/** Does the workbook still have the sheet (by id or name)? A user may delete it. */
export async function sheetExists(key: string): Promise<boolean> {
  return runBatch(async (context) => {
    const s = context.workbook.worksheets.getItemOrNullObject(key);
    await context.sync();
    return !s.isNullObject;
  });
}
