import type { ReactNode } from 'react';
import type { ApiClient, Contract, InvoiceView, MeResponse } from '../../api';
import type { I18n } from '../../i18n/i18n-context';
import type { WorkbookControls } from '../workspace/workbook-controls';

/** Everything a tab of the open invoice may use. Tabs never call Excel: they go through `workbook`. */
export type TabContext = {
  api: ApiClient;
  /** the invoice as the server last sent it (header, every G703 column, G702, CO summary) */
  view: InvoiceView;
  /** the contract with this user's access to it (myAccess: level, isToolAdmin, isInvoiceContact) */
  contract: Contract | null;
  me: MeResponse;
  i18n: I18n;
  /** sheet-side controls of the open invoice: column view, grouping, search, selection */
  workbook: WorkbookControls;
  /** pulls the latest from the server into the pane and the sheets (never clobbers unsynced edits) */
  refresh: () => Promise<void>;
  /** replace the pane's view after a call that returned a new one (status change, COs added) */
  setView: (view: InvoiceView) => void;
};

export type TabDefinition = {
  /** stable id, also the DOM test id: `tab-<id>` */
  id: string;
  label: (i18n: I18n) => string;
  /** tabs sort by order; built-ins use 10, 20, 30 — leave gaps */
  order: number;
  /** hide the tab for some users or invoices (default: shown) */
  isVisible?: (ctx: TabContext) => boolean;
  render: (ctx: TabContext) => ReactNode;
};

/**
 * Whether this user is an admin of the contract's tool: null while the contract is not read yet
 * (or its read failed: the workspace says so), which a tab must not take for "read-only".
 */
export function isToolAdmin(contract: Contract | null): boolean | null {
  return contract === null ? null : contract.myAccess?.isToolAdmin === true;
}
