// Response types of the worker API, inferred from the zod schemas in shared/api that the worker's
// routes are declared and type-checked with (worker/src/routes/*.ts), so the client cannot drift
// from what the server returns. Nothing here exists at run time; nothing comes from worker/.

import type { z } from 'zod';
import type { TChangeStatusInput, TLineEditInput } from '@shared/api/invoices';
import type { ZContracts, ZGroupView } from '@shared/api/contract-views';
import type { ZChangeOrders, ZEditLinesResult, ZInvoiceHistory, ZInvoiceList, ZInvoiceView } from '@shared/api/invoice-views';
import type { ZMe, ZProjects } from '@shared/api/project-views';

export type InvoiceView = z.infer<typeof ZInvoiceView>;
export type InvoiceLine = InvoiceView['lines'][number];
export type MeResponse = z.infer<typeof ZMe>;
export type ProjectsResponse = z.infer<typeof ZProjects>;
export type Project = ProjectsResponse['projects'][number];
export type ContractsResponse = z.infer<typeof ZContracts>;
export type Contract = ContractsResponse['contracts'][number];
export type InvoicesResponse = z.infer<typeof ZInvoiceList>;
export type InvoiceListItem = InvoicesResponse['invoices'][number];
export type EditLinesResult = z.infer<typeof ZEditLinesResult>;
export type PendingChangeOrdersResponse = z.infer<typeof ZChangeOrders>;
export type ChangeOrder = PendingChangeOrdersResponse['changeOrders'][number];
export type HistoryResponse = z.infer<typeof ZInvoiceHistory>;
export type Group = z.infer<typeof ZGroupView>;
export type InvoiceStatusTarget = TChangeStatusInput['status'];

/**
 * One line's edit as the add-in sends it: raw cell values (numbers or text) straight from Excel;
 * the server parses them with the shared money rules (shared/money.ts) and reports each bad cell.
 */
export type LineEdit = Pick<
  TLineEditInput,
  'lineId' | 'workCompletedThisPeriod' | 'materialsPresentlyStored' | 'workQtyThisPeriod' | 'storedQty' | 'percentComplete' | 'retainageReleased'
> & { lineId: string };
