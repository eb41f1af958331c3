import type { ReactNode } from 'react';
import type { ApiClient, Contract, MeResponse, Project } from '../../api';
import type { I18n } from '../../i18n/i18n-context';

/** Everything a tab of the contract screen may use. Tabs never call Excel. */
export type ContractTabContext = {
  api: ApiClient;
  me: MeResponse;
  project: Project;
  /** the contract as GET /contracts/{id} answers it, with this user's access (myAccess) */
  contract: Contract & { myAccess: NonNullable<Contract['myAccess']> };
  i18n: I18n;
  /** admin on this contract's tool: may change the contract, its SOV and create invoices */
  isAdmin: boolean;
  /** fetch the contract again (after a change a tab made: SOV import, approval, change order) */
  reloadContract: () => Promise<void>;
  /** replace the screen's contract with one a call returned (PATCH, approve) */
  setContract: (contract: Contract) => void;
  /** open an invoice in the workbook (the invoice workspace) */
  openInvoice: (invoiceId: string) => void;
  /** back to the project screen */
  openProject: () => void;
};

export type ContractTabDefinition = {
  /** stable id, also the DOM test id: `contract-tab-<id>` */
  id: string;
  label: (i18n: I18n) => string;
  /** tabs sort by order; built-ins use 10, 20, 30 — leave gaps */
  order: number;
  /** hide the tab for some users or contracts (default: shown) */
  isVisible?: (ctx: ContractTabContext) => boolean;
  render: (ctx: ContractTabContext) => ReactNode;
};
