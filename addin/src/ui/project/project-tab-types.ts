import type { ReactNode } from 'react';
import type { ApiClient, MeResponse, Project } from '../../api';
import type { I18n } from '../../i18n/i18n-context';

/** Everything a tab of the project screen may use. Tabs never call Excel. */
export type ProjectTabContext = {
  api: ApiClient;
  me: MeResponse;
  project: Project;
  i18n: I18n;
  /** admin on either tool (prime contracts or commitments): may create contracts and billing periods */
  isAdmin: boolean;
  /** go to a contract's screen */
  openContract: (contractId: string) => void;
  /** open an invoice in the workbook (the invoice workspace) */
  openInvoice: (invoiceId: string) => void;
  /** show the "New contract" form (contract setup) */
  newContract: () => void;
  /** a tab changed the project (PATCH /projects/{id}): the pane's copy of it is replaced */
  projectChanged: (project: Project) => void;
};

export type ProjectTabDefinition = {
  /** stable id, also the DOM test id: `project-tab-<id>` */
  id: string;
  label: (i18n: I18n) => string;
  /** tabs sort by order; built-ins use 10, 20, 30 — leave gaps */
  order: number;
  /** hide the tab for some users or projects (default: shown) */
  isVisible?: (ctx: ProjectTabContext) => boolean;
  render: (ctx: ProjectTabContext) => ReactNode;
};
