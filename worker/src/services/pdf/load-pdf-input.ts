import type { ServiceCtx } from '../../context';
import type { InvoicePdfInput } from '../../pdf/types';
import { getInvoice } from '../invoices/get-invoice';

/**
 * The invoice as the PDF prints it: getInvoice()'s figures (which also checks that the user may
 * see the invoice — 404 otherwise) and its general information as resolved there (the values stored
 * on the invoice, else the contract's and project's: services/invoices/general-info.ts), so the PDF,
 * the G702 sheet and the email print the same header.
 */
export async function loadInvoicePdfInput(ctx: ServiceCtx, invoiceId: string): Promise<InvoicePdfInput> {
  const view = await getInvoice({ ctx, input: { invoiceId } });
  const info = view.generalInfo;
  return {
    view,
    header: {
      projectName: info.projectName,
      projectNumber: info.projectNumber,
      projectAddress: info.projectAddress,
      toName: info.toName,
      fromName: info.fromName,
      architect: info.architect,
      contractDate: info.contractDate,
      applicationDate: info.applicationDate,
      contractFor: info.contractFor,
    },
  };
}
