import type { ProjectTabDefinition } from '../project/project-tab-types';
import { billingLabels } from './labels';
import { PeriodInvoices } from './period-invoices';

/** A billing period's invoices across the project's contracts, with Compile invoice backups. */
export const projectInvoicesTab: ProjectTabDefinition = {
  id: 'invoices',
  label: (i18n) => billingLabels(i18n.lang).tab,
  order: 30,
  render: (ctx) => <PeriodInvoices key={ctx.project.id} api={ctx.api} projectId={ctx.project.id} onOpenInvoice={ctx.openInvoice} />,
};
