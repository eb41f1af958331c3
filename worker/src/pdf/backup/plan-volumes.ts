import { type BackupAttachment, type BackupInvoice, type Excluded, excludedEntry, type VolumePlan, type VolumeSegment } from './types';

// Splitting a backup into volumes ("part 1 of N") so that compiling one never holds more than a
// byte budget of input in memory. pdf-lib keeps the whole output document in memory and save()
// serialises it into one more buffer, so a volume's live peak is about 2× its input bytes (the
// bench, scripts/bench/pdf.mjs, measures 44–52 MB for 24 MB volumes of scanned PDFs, and 327 MB
// for the same 160 MB in one volume). Invoices stay whole where they fit; an invoice whose
// attachments exceed the budget continues in the next volume.

const MB = 1024 * 1024;

/** Input bytes per volume: 24 MB keeps a volume's measured peak (~50 MB) well under the isolate's 128 MB. */
export const DEFAULT_VOLUME_BUDGET_BYTES = 24 * MB;

/** A rendered invoice PDF: ~10 KB of fonts and G702, ~0.9 KB per G703 line (measured on 2,000 lines). */
export function estimateInvoicePdfBytes(lineCount: number): number {
  return 10_000 + 900 * lineCount;
}

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Could this file become pages? The bytes decide at compile time; this only rules out what clearly cannot. */
export function isCandidate(a: Pick<BackupAttachment, 'contentType' | 'fileName'>): boolean {
  const type = a.contentType.toLowerCase().split(';')[0]!.trim();
  if (['application/pdf', 'image/png', 'image/jpeg', 'image/jpg'].includes(type)) return true;
  if (type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') {
    return ['pdf', 'png', 'jpg', 'jpeg'].includes(extensionOf(a.fileName));
  }
  return false;
}

export function planVolumes(invoices: BackupInvoice[], budgetBytes = DEFAULT_VOLUME_BUDGET_BYTES): VolumePlan[] {
  if (!(budgetBytes > 0)) throw new RangeError(`Volume budget must be positive, got ${budgetBytes}`);
  const volumes: VolumePlan[] = [];
  let current: VolumePlan = { segments: [], estimatedBytes: 0, excluded: [] };
  invoices.forEach((inv, invoiceIndex) => {
    const excluded: Excluded[] = [];
    const exclude = (a: BackupAttachment, reason: Excluded['reason']) => excluded.push(excludedEntry(inv, a, reason));
    const items: Array<{ attachment: BackupAttachment | null; bytes: number }> = [{ attachment: null, bytes: estimateInvoicePdfBytes(inv.lineCount) }];
    for (const a of inv.attachments) {
      if (!isCandidate(a)) exclude(a, { code: 'unsupported_type', contentType: a.contentType || 'unknown' });
      else if (a.sizeBytes > budgetBytes) exclude(a, { code: 'too_large', sizeBytes: a.sizeBytes, limitBytes: budgetBytes });
      else items.push({ attachment: a, bytes: a.sizeBytes });
    }
    let segment: VolumeSegment | null = null;
    let firstVolume: VolumePlan | null = null;
    for (const item of items) {
      if (current.segments.length && current.estimatedBytes + item.bytes > budgetBytes) {
        volumes.push(current);
        current = { segments: [], estimatedBytes: 0, excluded: [] };
        segment = null;
      }
      if (!segment) {
        segment = { invoiceIndex, includesInvoicePdf: false, attachments: [] };
        current.segments.push(segment);
      }
      firstVolume ??= current;
      if (item.attachment === null) segment.includesInvoicePdf = true;
      else segment.attachments.push(item.attachment);
      current.estimatedBytes += item.bytes;
    }
    // what was left out is reported on the cover of the volume where the invoice starts
    firstVolume!.excluded.push(...excluded);
  });
  if (current.segments.length) volumes.push(current);
  return volumes;
}
