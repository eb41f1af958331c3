// Worksheet names as Excel accepts them (Book.addSheet and Book.renameSheet check every name).

import { DoubleError } from './context';

/**
 * Excel's rules for a worksheet name, for WorksheetCollection.add(name) and Worksheet.name alike:
 * "Worksheet names cannot: be blank; contain more than 31 characters; contain any of the following
 * characters: / \ ? * : [ ]; begin or end with an apostrophe (')", and "History" is reserved
 * (Microsoft Support, "Rename a worksheet", support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9,
 * as quoted in jmcnamara/libxlsxwriter#223; "History" in PHPOffice/PhpSpreadsheet#1024 and
 * exceljs/exceljs#2243). Excel refuses such a name at sync; the double throws InvalidArgument.
 */
export function checkSheetName(name: string): void {
  const why =
    name.length === 0
      ? 'is blank'
      : name.length > 31
        ? `has ${name.length} characters (at most 31)`
        : /[/\\?*:[\]]/.test(name)
          ? 'contains one of / \\ ? * : [ ]'
          : name.startsWith("'") || name.endsWith("'")
            ? 'begins or ends with an apostrophe'
            : name.toLowerCase() === 'history'
              ? 'is reserved by Excel'
              : null;
  if (why) throw new DoubleError('InvalidArgument', `The worksheet name "${name}" ${why}`);
}
