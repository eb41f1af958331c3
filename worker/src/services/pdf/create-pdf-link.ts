import type { ServiceCtx } from '../../context';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { signPath } from './signed-links';

/** A short-lived link to the invoice PDF that opens without an Authorization header (new window, Office dialog). */
export async function createPdfLink({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; locale?: string; isDownload: boolean; origin: string } }) {
  const { invoice } = await loadInvoiceRow(ctx, input.invoiceId);
  const path = `/api/v1/invoices/${invoice.id}/pdf`;
  const s = await signPath(ctx.env, path, ctx.user.id);
  const q = new URLSearchParams({ uid: s.uid, exp: s.exp, sig: s.sig });
  if (input.locale) q.set('locale', input.locale);
  if (input.isDownload) q.set('download', '1');
  return { url: `${input.origin}${path}?${q}`, expiresAt: s.expiresAt };
}
