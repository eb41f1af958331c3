import type { Locale } from '../i18n/locales';
import { californiaWaiver } from './california';
import { genericWaiver } from './generic';
import { texasWaiver } from './texas';
import type { WaiverDocument, WaiverFill, WaiverForm, WaiverType } from './types';

/**
 * The waiver as a document to print. The statutory forms are legal texts in English whatever the
 * user's language; the generic form follows `locale`.
 */
export function waiverDocument(form: WaiverForm, type: WaiverType, fill: WaiverFill, locale: Locale): WaiverDocument {
  if (form === 'us-ca') return californiaWaiver(type, fill);
  if (form === 'us-tx') return texasWaiver(type, fill);
  return genericWaiver(type, fill, locale);
}

/** Every string the document prints (the PDF renderer decides on its fonts from them). */
export function textsOfWaiver(doc: WaiverDocument): string[] {
  const out = [doc.title, doc.citation];
  for (const b of doc.blocks) {
    if (b.kind === 'field') out.push(b.label, b.value);
    else if (b.kind === 'signature') for (const l of b.lines) out.push(l.label, l.value);
    else out.push(b.text);
  }
  return out;
}
