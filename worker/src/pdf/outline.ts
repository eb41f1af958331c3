import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFDocument } from '@cantoo/pdf-lib';

// PDF bookmarks (the document outline, PDF 32000 §12.3.3). pdf-lib has no API for them, so the
// dictionaries are built directly: one flat list of top-level items, each opening its page.

export type OutlineItem = { title: string; pageIndex: number };

export function addOutline(doc: PDFDocument, items: OutlineItem[]): void {
  if (!items.length) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();
  const refs = items.map(() => ctx.nextRef());
  items.forEach((item, i) => {
    const page = pages[item.pageIndex];
    if (!page) throw new RangeError(`Outline item "${item.title}" points at page ${item.pageIndex + 1} of ${pages.length}`);
    const entries: Record<string, unknown> = {
      Title: PDFHexString.fromText(item.title),
      Parent: rootRef,
      // [page /XYZ left top zoom]: null keeps the reader's position and zoom
      Dest: ctx.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]),
    };
    if (i > 0) entries.Prev = refs[i - 1];
    if (i < refs.length - 1) entries.Next = refs[i + 1];
    ctx.assign(refs[i]!, ctx.obj(entries as never));
  });
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: PDFNumber.of(items.length) } as never));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open with the bookmarks panel showing.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Reads the top-level outline back: titles and the 0-based page each one opens (for tests and checks). */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!root) return [];
  const pageIndexByRef = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const out: OutlineItem[] = [];
  let ref = root.get(PDFName.of('First'));
  const seen = new Set<string>();
  while (ref instanceof PDFRef && !seen.has(ref.toString())) {
    seen.add(ref.toString());
    const item = doc.context.lookup(ref, PDFDict);
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookup(PDFName.of('Dest'));
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    out.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      pageIndex: target instanceof PDFRef ? (pageIndexByRef.get(target.toString()) ?? -1) : -1,
    });
    ref = item.get(PDFName.of('Next'));
  }
  return out;
}
