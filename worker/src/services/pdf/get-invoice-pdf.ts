import { pdfLabels } from '@shared/i18n/pdf-labels';
import type { ServiceCtx } from '../../context';
import { invoicePdfFileName, renderInvoicePdf } from '../../pdf/render-invoice';
import { workerTtf } from '../../pdf/worker-fonts';
import { loadInvoicePdfInput } from './load-pdf-input';

/** The invoice's G702/G703 PDF for whoever may see the invoice, in the asked or the user's language. */
export async function getInvoicePdf({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; locale?: string } }) {
  const pdfInput = await loadInvoicePdfInput(ctx, input.invoiceId);
  const labels = pdfLabels(input.locale ?? ctx.user.locale);
  const bytes = await renderInvoicePdf(pdfInput, labels, workerTtf);
  return { bytes, fileName: invoicePdfFileName(pdfInput), locale: labels.locale };
}
