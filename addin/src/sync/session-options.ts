import type { ApiClient } from '../api/client';
import type { InvoiceView } from '../api/types';
import type { ColumnOverrides, ColumnView } from '../excel/columns';
import type { G702Header } from '../excel/g702-plan';
import type { RetainageTerms } from '../excel/layout';
import type { StorageLike } from './queue';
import type { SyncStatus } from './status';

export type SessionOptions = {
  api: ApiClient;
  invoiceId: string;
  storage: StorageLike;
  onStatus?: (status: SyncStatus) => void;
  onView?: (view: InvoiceView) => void;
  /** the invoice as the caller just read it: the first open() renders it instead of reading it again */
  initialView?: InvoiceView;
  /** header fields and retainage terms the invoice view does not carry (project/contract records) */
  header?: G702Header;
  /** the pane's language: the sheets' language when they are first written (excel/render-invoice.ts) */
  locale?: string;
  terms?: RetainageTerms | null;
  columnView?: ColumnView;
  /** the user's own shown/hidden columns on top of columnView */
  columnOverrides?: ColumnOverrides;
  grouped?: boolean;
  rowHeight?: number;
  /** quiet time before edits are sent (typing and paste coalesce) */
  coalesceMs?: number;
  /** an edit is never held longer than this while the user keeps typing */
  maxWaitMs?: number;
  /** cells per PATCH; a bigger paste goes as several sequential PATCHes */
  maxCellsPerPatch?: number;
  retryDelaysMs?: number[];
};
