import type { TabDefinition } from '../tabs/tab-types';
import { AttachmentsPanel } from './attachments-panel';
import { attachmentLabels } from './labels';

/** The open invoice's backup files. Who may attach follows worker/src/services/invoices/editability.ts (canWriteInvoices); the server decides. */
export const attachmentsTab: TabDefinition = {
  id: 'attachments',
  label: (i18n) => attachmentLabels(i18n.lang).tab,
  order: 40,
  render: (ctx) => {
    const access = ctx.contract?.myAccess;
    const canAttach = access?.isToolAdmin === true || (ctx.view.contract.kind === 'commitment' && access?.isInvoiceContact === true);
    return (
      <AttachmentsPanel key={ctx.view.invoice.id} api={ctx.api} invoiceId={ctx.view.invoice.id} projectId={ctx.view.invoice.projectId} canAttach={canAttach} />
    );
  },
};
