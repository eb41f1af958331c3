import { asc, eq } from 'drizzle-orm';
import type { InvoiceLineRef } from '@shared/email/replies/lines';
import type { Db } from '../../db/client';
import { invoices, sovLines } from '../../db/schema';

/** The G703 lines of an invoice's contract (change-order lines included), for resolving "partida 012". */
export async function invoiceLineRefs(db: Db, invoiceId: string): Promise<InvoiceLineRef[]> {
  return db
    .select({ lineId: sovLines.id, itemNo: sovLines.itemNo, costCode: sovLines.costCode, description: sovLines.description })
    .from(invoices)
    .innerJoin(sovLines, eq(sovLines.contractId, invoices.contractId))
    .where(eq(invoices.id, invoiceId))
    .orderBy(asc(sovLines.position));
}
