// Optional Excel APIs are checked at run time. The manifest asks for ExcelApi 1.14 (see manifest.xml
// for why); the checks at or below it stay so the in-memory double can play older hosts in tests.

function isSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

/** Worksheet notes (ExcelApi 1.18); else threaded comments (1.10); else the fill alone marks a cell. */
export const supportsNotes = () => isSupported('1.18');
export const supportsComments = () => isSupported('1.10');
/** onChanged triggerSource tells the add-in's own writes apart (ExcelApi 1.14). */
export const supportsTriggerSource = () => isSupported('1.14');
/** Row outline: Range.group / showOutlineLevels (ExcelApi 1.10). */
export const supportsOutline = () => isSupported('1.10');
