// The user's Undo stack as add-in calls affect it. "If you call an unsupported API in your add-in,
// the user's undo stack is cleared starting from that API call" — Undo support with the Excel
// JavaScript API (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities,
// table "Unsupported APIs"). The rows the add-in could ever hit are listed here, per platform.

import type { Book, Platform } from './model';

/** API → platforms on which it clears Undo (from the page's table). */
export const UNDO_CLEARING: Record<string, readonly Platform[]> = {
  'WorksheetProtection.protect': ['web', 'windows', 'mac'],
  'WorksheetProtection.unprotect': ['web', 'windows', 'mac'],
  'WorksheetProtection.pauseProtection': ['web', 'windows', 'mac'],
  'WorksheetProtection.resumeProtection': ['web', 'windows', 'mac'],
  'WorksheetProtection.setPassword': ['web', 'windows', 'mac'],
  'WorksheetProtection.updateOptions': ['web', 'windows', 'mac'],
  'WorkbookProtection.protect': ['web', 'windows', 'mac'],
  'WorkbookProtection.unprotect': ['web', 'windows', 'mac'],
  'Worksheet.delete': ['web', 'windows', 'mac'],
  'Worksheet.copy': ['web', 'windows', 'mac'],
  // "Worksheet.name | Yes (web) | No (Windows and Mac)"
  'Worksheet.name': ['windows', 'mac'],
  'Worksheet.position': ['windows', 'mac'],
  'Worksheet.visibility': ['windows', 'mac'],
};

/** Records the call; if it clears Undo on this platform, the user's entries are gone. */
export function touchUndo(book: Book, api: string): void {
  if (!UNDO_CLEARING[api]?.includes(book.platform)) return;
  book.undoClears.push(api);
  book.undoDepth = 0;
}
