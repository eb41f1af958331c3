// Response types of the worker API, taken TYPE-ONLY from the worker's service verbs so the
// client can never drift from what the server returns. Nothing here exists at run time.

import type { getMe } from '../../../worker/src/services/me/get-me';
import type { listProjects } from '../../../worker/src/services/projects/list-projects';
import type { listContracts } from '../../../worker/src/services/contracts/list-contracts';
import type { listInvoices } from '../../../worker/src/services/invoices/list-invoices';
import type { editInvoiceLines } from '../../../worker/src/services/invoices/edit-lines';
import type { listPendingChangeOrders } from '../../../worker/src/services/invoices/list-pending-change-orders';
import type { getInvoiceHistory } from '../../../worker/src/services/invoices/get-history';
import type { getSov } from '../../../worker/src/services/sov/get-sov';
import type { assignLines } from '../../../worker/src/services/sov/assign-lines';
import type { createGroup } from '../../../worker/src/services/sov/create-group';
import type { deleteGroup } from '../../../worker/src/services/sov/delete-group';
import type { listGroups } from '../../../worker/src/services/sov/list-groups';
import type { updateGroup } from '../../../worker/src/services/sov/update-group';
import type { InvoiceView } from '../../../worker/src/services/invoices/invoice-view';
import type { TChangeStatus, TLineEdit } from '@shared/api/invoices';

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type { InvoiceView };
export type InvoiceLine = InvoiceView['lines'][number];
export type InvoiceHeader = InvoiceView['invoice'];
export type ContractSummary = InvoiceView['contract'];
export type MeResponse = Result<typeof getMe>;
export type ProjectsResponse = Result<typeof listProjects>;
export type Project = ProjectsResponse['projects'][number];
export type ContractsResponse = Result<typeof listContracts>;
export type Contract = ContractsResponse['contracts'][number];
export type InvoicesResponse = Result<typeof listInvoices>;
export type InvoiceListItem = InvoicesResponse['invoices'][number];
export type EditLinesResult = Result<typeof editInvoiceLines>;
export type ComputedLineResult = EditLinesResult['lines'][number];
export type PendingChangeOrdersResponse = Result<typeof listPendingChangeOrders>;
export type ChangeOrder = PendingChangeOrdersResponse['changeOrders'][number];
export type HistoryResponse = Result<typeof getInvoiceHistory>;
export type SovResponse = Result<typeof getSov>;
export type GroupsResponse = Result<typeof listGroups>;
export type Group = Result<typeof createGroup>;
export type UpdatedGroup = Result<typeof updateGroup>;
export type DeletedGroup = Result<typeof deleteGroup>;
export type AssignLinesResult = Result<typeof assignLines>;
export type InvoiceStatusTarget = TChangeStatus['status'];

/**
 * One line's edit as the add-in sends it: raw cell values (numbers or text) straight from Excel;
 * the server parses them with the shared money rules (shared/money.ts) and reports each bad cell.
 */
export type LineEdit = Pick<
  TLineEdit,
  'lineId' | 'workCompletedThisPeriod' | 'materialsPresentlyStored' | 'workQtyThisPeriod' | 'storedQty' | 'percentComplete' | 'retainageReleased'
> & { lineId: string };
