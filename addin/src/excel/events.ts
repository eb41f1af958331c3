// onChanged on the G703 sheet, reported as plain data. The add-in's own writes are recognised by
// triggerSource (ExcelApi 1.14) or, on older hosts, by the own-write log.

import { takeOwnWrite } from './own-writes';

export type SheetChange = {
  address: string;
  changeType: string;
  /** 'Local' | 'Remote' (a co-author's edit arrives as Remote) */
  source: string;
  /** 'ThisLocalAddin' | 'Unknown', or null where the host predates ExcelApi 1.14 */
  triggerSource: string | null;
  isOwnWrite: boolean;
};

export type Watch = { remove: () => Promise<void> };

export async function watchSheetChanges(sheetName: string, handler: (change: SheetChange) => void): Promise<Watch> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const registration = sheet.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      const triggerSource = (args as { triggerSource?: string }).triggerSource ?? null;
      const isOwnWrite = triggerSource === 'ThisLocalAddin' || (triggerSource === null && takeOwnWrite(sheetName, args.address));
      handler({ address: args.address, changeType: args.changeType, source: args.source, triggerSource, isOwnWrite });
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

/** Does the workbook still have the sheet? (A user may delete it.) */
export async function sheetExists(sheetName: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const s = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    return !s.isNullObject;
  });
}
