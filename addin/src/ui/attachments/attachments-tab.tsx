import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const AttachmentsPanel = lazyNamed(() => import('./attachments-panel'), 'AttachmentsPanel');

/** The open invoice's backup files. Who may attach follows worker/src/services/invoices/editability.ts (canWriteInvoices); the server decides. */
export const attachmentsTab: TabDefinition = {
  id: 'attachments',
  label: (i18n) => tabLabels(i18n.lang).attachments,
  order: 40,
  render: (ctx) => {
    const access = ctx.contract?.myAccess;
    const canAttach = access?.isToolAdmin === true || (ctx.view.contract.kind === 'commitment' && access?.isInvoiceContact === true);
    return (
      <AttachmentsPanel key={ctx.view.invoice.id} api={ctx.api} invoiceId={ctx.view.invoice.id} projectId={ctx.view.invoice.projectId} canAttach={canAttach} />
    );
  },
};
