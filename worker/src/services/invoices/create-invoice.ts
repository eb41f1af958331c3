import { and, desc, eq } from 'drizzle-orm';
import type { TCreateInvoice } from '@shared/api/invoices';
import { defaultEntry, ZERO_PRIOR } from '@shared/engine';
import { partiesFrom } from './general-info';
import type { ServiceCtx } from '../../context';
import { billingPeriods, changeOrders, invoiceChangeOrders, invoiceRevisions, invoices, invoiceLines, sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId, nowIso } from '../../lib/ids';
import { loadContractAccess } from '../access/contract-access';
import { insertLinesStatements } from './bulk-sql';
import { canWriteInvoices } from './editability';
import { getInvoice } from './get-invoice';
import { computeState, priorFromRow, type InvoiceState } from './invoice-state';
import { snapshotOf } from './snapshot';
import { changeOrderAmounts } from './change-order-amounts';
import { periodBackupRowStatement, queuePeriodBackup } from '../invoice-attachments/attach-period-backup';
import { toolNameOfKind } from '../access/levels';

/**
 * A retainage release invoice releases what earlier invoices held: the previous invoice must leave
 * some retainage held (gross work + stored retainage less the releases to date, summed over lines).
 */
function requireHeldRetainage(contractNumber: number, priorRows: Array<typeof invoiceLines.$inferSelect>) {
  const held = priorRows.reduce((sum, r) => sum + r.workRetainageCents + r.storedRetainageCents - r.retainageReleasedToDateCents, 0);
  if (held > 0) return;
  throw new AppError('VALIDATION_FAILED', 'No retainage is held on this contract: a retainage release invoice has nothing to release', [
    {
      field: 'kind',
      code: 'NOTHING_HELD',
      message: priorRows.length
        ? `Contract #${contractNumber}: the invoices so far hold no retainage, so there is none to release`
        : `Contract #${contractNumber} has no invoice yet: retainage is held by progress invoices before it can be released`,
    },
  ]);
}

/**
 * Creates the next invoice of an approved contract for an existing billing period: numbered after
 * the last, one per period, including every change order approved so far, each line starting from
 * the previous invoice (D = prior D + E, F defaults to prior F).
 * A retainage release invoice (kind 'retainage_release') is created the same way, in its own billing
 * period (invoices_period_uq: one invoice per period, as for any pay application): its lines start
 * with E = 0 and F = the previous F, which parse-edits.ts then keeps, so it bills only the release.
 */
export async function createInvoice({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { contractId: string; body: Omit<TCreateInvoice, 'kind'> & Partial<Pick<TCreateInvoice, 'kind'>> };
}) {
  const access = await loadContractAccess(ctx, input.contractId);
  const c = access.contract;
  if (!canWriteInvoices({ access })) {
    throw new AppError('FORBIDDEN', `Creating invoices needs admin on ${toolNameOfKind(c.kind)}`);
  }
  if (c.status !== 'approved' && c.status !== 'complete') {
    throw new AppError('INVALID_STATE', `Contract #${c.number} is ${c.status}: invoices can be created only for approved contracts`);
  }
  const [[period], [latest], sov, approvedCos] = await ctx.db.batch([
    ctx.db
      .select()
      .from(billingPeriods)
      .where(and(eq(billingPeriods.id, input.body.billingPeriodId), eq(billingPeriods.projectId, c.projectId))),
    ctx.db.select().from(invoices).where(eq(invoices.contractId, c.id)).orderBy(desc(invoices.number)).limit(1),
    ctx.db.select().from(sovLines).where(eq(sovLines.contractId, c.id)).orderBy(sovLines.position),
    ctx.db
      .select()
      .from(changeOrders)
      .where(and(eq(changeOrders.contractId, c.id), eq(changeOrders.status, 'approved'))),
  ]);
  if (!period) {
    throw new AppError('VALIDATION_FAILED', 'No such billing period in this project', [
      { field: 'billingPeriodId', code: 'UNKNOWN_PERIOD', message: `Billing period ${input.body.billingPeriodId} does not exist in this project` },
    ]);
  }
  let previousLine6 = 0;
  let priorRows: Array<typeof invoiceLines.$inferSelect> = [];
  if (latest) {
    if (latest.billingPeriodId === period.id)
      throw new AppError('CONFLICT', `Invoice #${latest.number} already bills the period ${period.startDate} – ${period.endDate}`);
    if (latest.status === 'draft' || latest.status === 'revise_and_resubmit') {
      throw new AppError('INVALID_STATE', `Invoice #${latest.number} is still being edited; submit it before creating the next invoice`);
    }
    const [latestPeriod] = await ctx.db.select().from(billingPeriods).where(eq(billingPeriods.id, latest.billingPeriodId));
    if (latestPeriod && period.startDate <= latestPeriod.endDate) {
      throw new AppError('VALIDATION_FAILED', 'The billing period must come after the previous invoice', [
        {
          field: 'billingPeriodId',
          code: 'PERIOD_NOT_AFTER_PREVIOUS',
          message: `Invoice #${latest.number} bills up to ${latestPeriod.endDate}; pick a period that starts after it`,
        },
      ]);
    }
    previousLine6 = latest.line6FrozenCents ?? 0;
    priorRows = await ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, latest.id));
  }
  const kind = input.body.kind ?? 'progress';
  if (kind === 'retainage_release') requireHeldRetainage(c.number, priorRows);
  const invoiceId = newId('inv');
  const number = (latest?.number ?? 0) + 1;
  const amounts = await changeOrderAmounts(ctx, approvedCos);
  const priors = new Map(priorRows.map((r) => [r.sovLineId, priorFromRow(r)]));
  const entries = new Map(sov.map((l) => [l.id, defaultEntry(priors.get(l.id) ?? ZERO_PRIOR)]));
  const state = {
    access,
    invoice: { id: invoiceId, number, status: 'draft' } as InvoiceState['invoice'],
    period,
    sov,
    groups: new Map(),
    rows: new Map(), // none stored yet: every line comes from `entries`
    priors,
    coCentsByLine: amounts.byLine,
    includedChangeOrders: amounts.changeOrders,
    previousLine6Cents: previousLine6,
    latestInvoice: { id: invoiceId, number },
    parties: partiesFrom([]), // only computed here; getInvoice loads them for the view
    place: { jurisdiction: null, workType: 'private' }, // likewise: getInvoice reads the project's for the view's deadlines
  } satisfies InvoiceState;
  const result = computeState(state, entries);
  const lines = result.lines.map((l) => ({ id: newId('il'), invoiceId, sovLineId: l.lineId, ...snapshotOf(l, entries.get(l.lineId)!) }));
  // "include backup" applies to owner invoices only; its job row is written with the invoice.
  const withBackup = input.body.includeBackup && c.kind === 'prime';
  try {
    await runBatch(ctx.env.DB, [
      ctx.db.insert(invoices).values({
        id: invoiceId,
        projectId: c.projectId,
        contractId: c.id,
        number,
        billingPeriodId: period.id,
        kind,
        includeBackup: input.body.includeBackup,
        createdBy: ctx.user.id,
      }),
      ctx.db.insert(invoiceRevisions).values({ invoiceId, version: 1, userId: ctx.user.id, kind: 'create' }),
      ...approvedCos.map((co) => ctx.db.insert(invoiceChangeOrders).values({ invoiceId, changeOrderId: co.id, addedBy: ctx.user.id, addedAt: nowIso() })),
      ...insertLinesStatements(ctx.env.DB, lines),
      ...(withBackup ? [periodBackupRowStatement(ctx, invoiceId)] : []),
    ]);
  } catch (err) {
    if (String((err as Error).message).includes('UNIQUE') || String((err as Error).cause).includes('UNIQUE')) {
      throw new AppError('CONFLICT', 'Another invoice was just created for this contract; refresh and try again');
    }
    throw err;
  }
  if (withBackup) await queuePeriodBackup(ctx, invoiceId);
  return getInvoice({ ctx, input: { invoiceId } });
}
