import type { TtfSource } from '../fonts';
import type { InvoicePdfInput } from '../types';

// The compiled invoice backup, independent of D1/R2: the worker's queue consumer and the Node
// bench run the same compileVolume() with different stores.

/** Where attachment bytes come from (R2 in the worker, a Map in the bench). */
export type BlobStore = { get(key: string): Promise<Uint8Array | null> };

export type BackupAttachment = { id: string; fileName: string; contentType: string; sizeBytes: number; r2Key: string };

export type BackupInvoice = {
  invoiceId: string;
  number: number;
  contractNumber: number;
  contractTitle: string;
  periodStart: string;
  periodEnd: string;
  /** SOV line count: sizes the rendered invoice PDF for volume planning */
  lineCount: number;
  attachments: BackupAttachment[];
};

export type ExclusionReason =
  | { code: 'corrupt' }
  | { code: 'needs_password' }
  | { code: 'unsupported_type'; contentType: string }
  | { code: 'too_large'; sizeBytes: number; limitBytes: number }
  | { code: 'image_too_large'; widthPx: number; heightPx: number; limitMegapixels: number }
  | { code: 'missing' };

export type Excluded = {
  invoiceNumber: number;
  contractNumber: number;
  contractTitle: string;
  attachmentId: string;
  fileName: string;
  reason: ExclusionReason;
};

/** The report entry for an attachment of `inv` that the backup leaves out, and why. */
export function excludedEntry(
  inv: Pick<BackupInvoice, 'number' | 'contractNumber' | 'contractTitle'>,
  a: Pick<BackupAttachment, 'id' | 'fileName'>,
  reason: ExclusionReason,
): Excluded {
  return { invoiceNumber: inv.number, contractNumber: inv.contractNumber, contractTitle: inv.contractTitle, attachmentId: a.id, fileName: a.fileName, reason };
}

/**
 * A run of one invoice inside a volume: its invoice PDF (first run only) and some of its
 * attachments, as they were when the backup was requested (a file removed since is reported missing).
 */
export type VolumeSegment = { invoiceIndex: number; includesInvoicePdf: boolean; attachments: BackupAttachment[] };

export type VolumePlan = { segments: VolumeSegment[]; estimatedBytes: number; excluded: Excluded[] };

export type TocEntry = {
  invoiceNumber: number;
  contractNumber: number;
  contractTitle: string;
  periodStart: string;
  periodEnd: string;
  isContinued: boolean;
  attachmentCount: number;
  /** 1-based page in the compiled file; null when the segment produced no page */
  firstPage: number | null;
  pageCount: number;
};

export type CompileDeps = {
  store: BlobStore;
  ttf: TtfSource;
  /** the invoice's figures and header (getInvoice in the worker) */
  loadInvoice: (invoiceId: string) => Promise<InvoicePdfInput>;
  /** the invoice's PDF when it is already rendered (the benchmark times merging apart); default: render it */
  renderedInvoice?: (invoiceId: string) => Promise<Uint8Array>;
  /** called after each segment, e.g. to record progress */
  onSegmentDone?: (segmentIndex: number) => Promise<void>;
};

export type VolumeMeta = {
  projectName: string;
  projectNumber: string;
  requestedBy: string;
  /** when the backup was requested, in the requester's time zone (cover and file name) */
  compiledAt: { date: string; time: string; timeZone: string };
  partNo: number;
  partCount: number;
};

export type VolumeResult = { bytes: Uint8Array; pageCount: number; toc: TocEntry[]; excluded: Excluded[] };
