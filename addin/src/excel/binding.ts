// Which sheets belong to which invoice, and the last synced version, live in the workbook's own
// settings (ExcelApi 1.4), so reopening the file reconnects. Stored as one JSON string.

import type { Locale } from '@shared/i18n/locales';
import type { ColumnView } from './columns';
import { runBatch } from './run';

export const BINDING_KEY = 'progressBilling.bindings';

export type InvoiceBinding = {
  invoiceId: string;
  projectId: string;
  contractId: string;
  invoiceNumber: number;
  g703Sheet: string;
  g702Sheet: string;
  /** Worksheet.id of each sheet (absent in bindings written before ids were kept) */
  g703SheetId?: string;
  g702SheetId?: string;
  tableName: string;
  /** the invoice version the sheet last matched */
  syncedVersion: number;
  /** 0-based first/last data rows as last rendered: where to read back after a reopen */
  firstDataRow: number;
  lastDataRow: number;
  accountingMethod: 'amount' | 'unit';
  /**
   * The language the sheets were first written in; every later render, by any co-author, keeps it
   * (sheet-labels.ts). Absent in bindings written before the sheets were translated: English.
   */
  locale?: Locale;
  columnView: ColumnView;
  grouped: boolean;
  updatedAt: string;
};

export type WorkbookBinding = { schema: 1; invoices: InvoiceBinding[] };

const EMPTY: WorkbookBinding = { schema: 1, invoices: [] };

export function parseBinding(value: unknown): WorkbookBinding {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    if (parsed && parsed.schema === 1 && Array.isArray(parsed.invoices)) return parsed as WorkbookBinding;
  } catch {
    // A damaged setting must not block opening: the add-in re-renders and rewrites it.
  }
  return { ...EMPTY, invoices: [] };
}

/** Queues a load of the bindings; read `.value` after the next sync through parseBinding. */
export function queueLoadBinding(context: Excel.RequestContext): Excel.Setting {
  return context.workbook.settings.getItemOrNullObject(BINDING_KEY).load('value');
}

export function bindingsFrom(setting: Excel.Setting): WorkbookBinding {
  return setting.isNullObject ? { ...EMPTY, invoices: [] } : parseBinding(setting.value);
}

/** Queues the upsert of one invoice's binding into `current`. */
export function queueWriteBinding(context: Excel.RequestContext, current: WorkbookBinding, binding: InvoiceBinding): WorkbookBinding {
  const next: WorkbookBinding = { schema: 1, invoices: [...current.invoices.filter((b) => b.invoiceId !== binding.invoiceId), binding] };
  context.workbook.settings.add(BINDING_KEY, JSON.stringify(next));
  return next;
}

export async function readBindings(): Promise<WorkbookBinding> {
  return runBatch(async (context) => {
    const setting = queueLoadBinding(context);
    await context.sync();
    return bindingsFrom(setting);
  });
}

export async function readBinding(invoiceId: string): Promise<InvoiceBinding | null> {
  return (await readBindings()).invoices.find((b) => b.invoiceId === invoiceId) ?? null;
}
