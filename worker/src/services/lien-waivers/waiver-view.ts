import { and, eq, inArray } from 'drizzle-orm';
import { ZLienWaiverParties, type TLienWaiverView } from '@shared/api/lien-waivers';
import type { ServiceCtx } from '../../context';
import { lienWaiverEvents, lienWaivers, users } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { seesOnlySubmitted, type ContractAccess } from '../access/contract-access';
import { loadInvoiceRow, type Invoice } from '../invoices/invoice-state';
import type { WaiverRow } from './waiver-facts';

/**
 * The waiver and the invoice it belongs to, for whoever may see that invoice; 404 otherwise (also
 * for a waiver of another company). An owner's invoice contact sees signed waivers, never drafts.
 */
export async function loadWaiver(ctx: ServiceCtx, waiverId: string): Promise<{ waiver: WaiverRow; invoice: Invoice; access: ContractAccess }> {
  const [waiver] = await ctx.db.select().from(lienWaivers).where(eq(lienWaivers.id, waiverId)).limit(1);
  if (!waiver) throw notFound('Lien waiver');
  let row: Awaited<ReturnType<typeof loadInvoiceRow>>;
  try {
    row = await loadInvoiceRow(ctx, waiver.invoiceId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('Lien waiver');
    throw err;
  }
  if (waiver.status === 'draft' && seesOnlySubmitted(row.access)) throw notFound('Lien waiver');
  return { waiver, ...row };
}

const parseParties = (json: string) => {
  const parsed = ZLienWaiverParties.safeParse(JSON.parse(json || '{}'));
  return parsed.success ? parsed.data : null;
};

/** Views of waivers of one invoice (or several), with the names of the people involved, in two queries. */
export async function waiverViews(ctx: ServiceCtx, rows: WaiverRow[]): Promise<TLienWaiverView[]> {
  if (!rows.length) return [];
  const voidIds = rows.filter((r) => r.status === 'void').map((r) => r.id);
  const voids = voidIds.length
    ? await ctx.db
        .select()
        .from(lienWaiverEvents)
        .where(and(inArray(lienWaiverEvents.waiverId, voidIds), eq(lienWaiverEvents.action, 'voided')))
    : [];
  const userIds = [...new Set([...rows.flatMap((r) => [r.createdBy, r.signedBy]), ...voids.map((v) => v.userId)].filter((x): x is string => !!x))];
  const people = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
  const person = (id: string | null) => (id ? (people.find((p) => p.id === id) ?? { id, name: '' }) : null);
  return rows.map((r) => {
    const v = voids.find((e) => e.waiverId === r.id);
    const reason = v ? String((JSON.parse(v.detailJson) as { reason?: unknown }).reason ?? '') : '';
    return {
      id: r.id,
      invoiceId: r.invoiceId,
      contractId: r.contractId,
      direction: r.direction,
      type: r.type,
      form: r.form,
      amountCents: r.amountCents,
      throughDate: r.throughDate,
      paymentId: r.paymentId,
      parties: r.direction === 'issued' ? parseParties(r.partiesJson) : null,
      status: r.status,
      signer: r.signedAt ? { name: r.signerName ?? '', title: r.signerTitle ?? '', signedAt: r.signedAt, user: person(r.signedBy) } : null,
      attachmentId: r.attachmentId,
      pdfPath: `/api/v1/lien-waivers/${r.id}/pdf`,
      createdAt: r.createdAt,
      createdBy: person(r.createdBy)!,
      voided: v ? { at: v.createdAt, by: person(v.userId), reason } : null,
    };
  });
}

export async function waiverView(ctx: ServiceCtx, waiverId: string): Promise<TLienWaiverView> {
  const [row] = await ctx.db.select().from(lienWaivers).where(eq(lienWaivers.id, waiverId)).limit(1);
  return (await waiverViews(ctx, [row!]))[0]!;
}
