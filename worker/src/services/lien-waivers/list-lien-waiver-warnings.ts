import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { companies, contracts, invoices, lienWaivers, payments } from '../../db/schema';
import { visibleContracts } from '../access/visible-contracts';

/**
 * GET /projects/{id}/lien-waiver-warnings: the subcontractor invoices (of the commitments the user
 * may see) that were paid (live payments) for more than the received unconditional waivers cover.
 * 404 for a project the user may not see.
 */
export async function listLienWaiverWarnings({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } }) {
  const visible = (await visibleContracts(ctx, input.projectId)).filter((a) => a.contract.kind === 'commitment');
  const contractIds = visible.map((a) => a.contract.id);
  if (!contractIds.length) return { projectId: input.projectId, warnings: [] };
  // two plain queries, not a db.batch: inside a batch D1 maps rows by column name, and invoices.id
  // and contracts.id would collapse into one
  const paid = await ctx.db
    .select({
      invoiceId: invoices.id,
      invoiceNumber: invoices.number,
      contractId: contracts.id,
      contractNumber: contracts.number,
      contractTitle: contracts.title,
      counterpartyName: sql<string | null>`${companies.name}`.as('counterparty_name'),
      paidCents: sql<number>`sum(${payments.amountCents})`.as('paid_cents'),
      lastPaidOn: max(payments.receivedOn).as('last_paid_on'),
    })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .leftJoin(companies, eq(companies.id, contracts.counterpartyCompanyId))
    .where(and(inArray(contracts.id, contractIds), sql`${payments.voidedAt} IS NULL`))
    .groupBy(invoices.id)
    .orderBy(asc(contracts.number), asc(invoices.number));
  const waived = await ctx.db
    .select({ invoiceId: lienWaivers.invoiceId, cents: sql<number>`sum(${lienWaivers.amountCents})`.as('waived_cents') })
    .from(lienWaivers)
    .where(
      and(
        inArray(lienWaivers.contractId, contractIds),
        eq(lienWaivers.direction, 'received'),
        sql`${lienWaivers.status} <> 'void'`,
        inArray(lienWaivers.type, ['unconditional_progress', 'unconditional_final']),
      ),
    )
    .groupBy(lienWaivers.invoiceId);
  const waivedBy = new Map(waived.map((w) => [w.invoiceId, Number(w.cents)]));
  const warnings = paid.flatMap((p) => {
    const paidCents = Number(p.paidCents);
    const waivedCents = waivedBy.get(p.invoiceId) ?? 0;
    if (paidCents <= 0 || waivedCents >= paidCents) return [];
    return [
      {
        invoiceId: p.invoiceId,
        invoiceNumber: p.invoiceNumber,
        contractId: p.contractId,
        contractNumber: p.contractNumber,
        contractTitle: p.contractTitle,
        counterpartyName: p.counterpartyName ?? '',
        lastPaidOn: p.lastPaidOn ?? '',
        paidCents,
        waivedCents,
        missingCents: paidCents - waivedCents,
      },
    ];
  });
  return { projectId: input.projectId, warnings };
}
