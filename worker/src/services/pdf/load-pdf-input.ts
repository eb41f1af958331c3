import { eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { companies, contracts, projects } from '../../db/schema';
import type { InvoicePdfInput } from '../../pdf/types';
import { getInvoice } from '../invoices/get-invoice';

/**
 * The invoice as the PDF prints it: getInvoice()'s figures (which also checks that the user may
 * see the invoice — 404 otherwise) plus the header the view does not carry: project, parties,
 * architect, contract date. Owner invoices are billed by the project's company (the contractor)
 * to the contract's counterparty (the owner); subcontractor invoices the other way round.
 */
export async function loadInvoicePdfInput(ctx: ServiceCtx, invoiceId: string): Promise<InvoicePdfInput> {
  const view = await getInvoice({ ctx, input: { invoiceId } });
  const [row] = await ctx.db
    .select({ project: projects, contract: contracts })
    .from(contracts)
    .innerJoin(projects, eq(projects.id, contracts.projectId))
    .where(eq(contracts.id, view.contract.id))
    .limit(1);
  const { project, contract } = row!;
  const companyIds = [project.companyId, contract.counterpartyCompanyId].filter((id): id is string => !!id);
  const rows = await ctx.db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, companyIds));
  const names = new Map(rows.map((c) => [c.id, c.name]));
  const contractor = names.get(project.companyId) ?? '';
  const counterparty = contract.counterpartyCompanyId ? (names.get(contract.counterpartyCompanyId) ?? '') : '';
  const isPrime = contract.kind === 'prime';
  return {
    view,
    header: {
      projectName: project.name,
      projectNumber: project.number,
      projectAddress: project.address,
      toName: isPrime ? counterparty : contractor,
      fromName: isPrime ? contractor : counterparty,
      architect: contract.architect,
      contractDate: contract.contractDate,
    },
  };
}
