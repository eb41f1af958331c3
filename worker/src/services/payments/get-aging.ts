import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { TAging, TAgingQuery } from '@shared/api/payments';
import { agingRows } from '@shared/payments/aging';
import { dueOn } from '@shared/payments/clock';
import { amountDueCents } from '@shared/payments/ledger';
import type { ServiceCtx } from '../../context';
import { companies, contracts, invoiceLines, invoices, payments } from '../../db/schema';
import { visibleContracts } from '../access/visible-contracts';
import { latestTodayOnEarth, todayUtc } from './invoice-payments';

/**
 * GET /projects/{id}/aging: per contract of the kind the user may see (private ones filtered as in
 * the project invoice list, worker/src/services/access/visible-contracts.ts), the open balance of
 * each submitted invoice in its bucket on asOf, and the retainage held apart. Drafts are never aged.
 * "As of" is a day in the past as much as today: only invoices submitted by asOf are aged, only
 * payments received by asOf are taken off, and the retainage held is that of the latest invoice
 * submitted by asOf, so an aging run in December for Oct 31 shows the Oct 31 balances.
 * Two D1 round trips whatever the number of contracts and invoices: visibility, then one batch.
 */
export async function getAging({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } & TAgingQuery }): Promise<TAging> {
  const asOf = input.asOf ?? todayUtc();
  // Today's aging takes off every payment the invoice views count: a payment may be dated today
  // wherever its recorder is (record-payment.ts), up to a day ahead of UTC.
  const paidBy = input.asOf ?? latestTodayOnEarth();
  const shown = (await visibleContracts(ctx, input.projectId)).filter((a) => a.contract.kind === input.kind);
  const projectId = input.projectId;
  const db = ctx.db;
  // the latest invoice of its contract that left draft: its line 5 is the retainage held
  const latestSubmitted = db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.projectId, projectId),
        ne(invoices.status, 'draft'),
        sql`${invoices.number} = (select max(i2.number) from ${invoices} i2 where i2.contract_id = ${invoices.contractId} and i2.status <> 'draft' and i2.submitted_on <= ${asOf})`,
      ),
    );
  const [invoiceRows, paidRows, retainageRows, names] = await db.batch([
    db
      .select({
        id: invoices.id,
        contractId: invoices.contractId,
        number: invoices.number,
        status: invoices.status,
        submittedOn: invoices.submittedOn,
        line6FrozenCents: invoices.line6FrozenCents,
      })
      .from(invoices)
      .where(eq(invoices.projectId, projectId))
      .orderBy(asc(invoices.contractId), asc(invoices.number)),
    db
      .select({ invoiceId: payments.invoiceId, paidCents: sql<number>`sum(${payments.amountCents})`.as('paid_cents') })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(eq(invoices.projectId, projectId), isNull(payments.voidedAt), lte(payments.receivedOn, paidBy)))
      .groupBy(payments.invoiceId),
    // G702 line 5 = Σ per line of work + stored retainage less released to date (shared/engine/g702.ts, splitNetRetainage)
    db
      .select({
        invoiceId: invoiceLines.invoiceId,
        retainageCents:
          sql<number>`sum(${invoiceLines.workRetainageCents} + ${invoiceLines.storedRetainageCents} - ${invoiceLines.retainageReleasedToDateCents})`.as(
            'retainage_cents',
          ),
      })
      .from(invoiceLines)
      .where(inArray(invoiceLines.invoiceId, latestSubmitted))
      .groupBy(invoiceLines.invoiceId),
    db
      .select({ contractId: contracts.id, name: companies.name })
      .from(contracts)
      .innerJoin(companies, eq(companies.id, contracts.counterpartyCompanyId))
      .where(eq(contracts.projectId, projectId)),
  ]);
  const paid = new Map(paidRows.map((r) => [r.invoiceId, Number(r.paidCents)]));
  const retainageOf = new Map(retainageRows.map((r) => [r.invoiceId, Number(r.retainageCents)]));
  const nameOf = new Map(names.map((r) => [r.contractId, r.name]));
  const input2 = shown.map(({ contract: c }) => {
    const mine = invoiceRows.filter((i) => i.contractId === c.id);
    const submitted = mine.filter((i) => i.status !== 'draft' && i.submittedOn != null && i.submittedOn <= asOf);
    const latest = submitted.at(-1);
    return {
      contractId: c.id,
      contractNumber: c.number,
      contractTitle: c.title,
      counterpartyName: nameOf.get(c.id) ?? '',
      retainageHeldCents: latest ? (retainageOf.get(latest.id) ?? 0) : 0,
      invoices: submitted.map((i) => {
        const previous = mine.filter((p) => p.number < i.number).at(-1);
        const due = amountDueCents(i.line6FrozenCents, previous?.line6FrozenCents ?? null) ?? 0;
        return {
          invoiceId: i.id,
          number: i.number,
          dueOn: dueOn(i.submittedOn, c.paymentTermsDays),
          openCents: Math.max(0, due - (paid.get(i.id) ?? 0)),
        };
      }),
    };
  });
  return { asOf, kind: input.kind, ...agingRows(input2, asOf) };
}
