import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TGeneralInfo } from '@shared/api/invoice-views';
import { generalInfoFields, type GeneralInfoField } from '@shared/i18n/general-info-labels';
import type { ServiceCtx } from '../../context';
import { companies, contracts, type invoices, projects } from '../../db/schema';

/** The project and the two parties of a contract: where the general information's defaults come from. */
export type InfoParties = { projectName: string; projectNumber: string; projectAddress: string; contractorName: string; counterpartyName: string };

const counterparty = alias(companies, 'counterparty');

/** One query (it joins a D1 batch): the project (with its jurisdiction), its company (the contractor) and the contract's counterparty. */
export function partiesQuery(ctx: ServiceCtx, contractId: string) {
  return (
    ctx.db
      // Aliased: D1 answers rows keyed by column name, so three `name` columns would collapse into one.
      .select({
        projectName: sql<string>`${projects.name}`.as('project_name'),
        projectNumber: projects.number,
        projectAddress: projects.address,
        contractorName: sql<string>`${companies.name}`.as('contractor_name'),
        counterpartyName: sql<string | null>`${counterparty.name}`.as('counterparty_name'),
        // what the jurisdiction rules read (worker/src/services/invoices/invoice-deadlines.ts)
        jurisdiction: projects.jurisdiction,
        workType: projects.workType,
      })
      .from(contracts)
      .innerJoin(projects, eq(projects.id, contracts.projectId))
      .innerJoin(companies, eq(companies.id, projects.companyId))
      .leftJoin(counterparty, eq(counterparty.id, contracts.counterpartyCompanyId))
      .where(eq(contracts.id, contractId))
      .limit(1)
  );
}

export function partiesFrom(rows: Array<Omit<InfoParties, 'counterpartyName'> & { counterpartyName: string | null }>): InfoParties {
  const r = rows[0];
  return {
    projectName: r?.projectName ?? '',
    projectNumber: r?.projectNumber ?? '',
    projectAddress: r?.projectAddress ?? '',
    contractorName: r?.contractorName ?? '',
    counterpartyName: r?.counterpartyName ?? '',
  };
}

type InvoiceRow = typeof invoices.$inferSelect;
type ContractRow = typeof contracts.$inferSelect;

/** The invoice's stored value of each field (null = none stored). */
export function storedInfo(invoice: InvoiceRow): Record<GeneralInfoField, string | null> {
  return {
    applicationDate: invoice.applicationDate,
    toName: invoice.toName,
    architect: invoice.architect,
    contractDate: invoice.contractDate,
    projectNumber: invoice.projectNumber,
    contractFor: invoice.contractFor,
  };
}

/**
 * The general information as printed (G702 sheet, PDF, email): the value stored on the invoice, else
 * the default. Defaults (docs/billing-rules.md "General information"): application date = the
 * billing period's end; an owner invoice (prime contract) goes from the project's company to the
 * contract's counterparty, a subcontractor invoice (commitment) the other way round; architect and
 * contract date from the contract; project no. from the project; contract for = "#number title".
 */
export function resolveGeneralInfo(invoice: InvoiceRow, contract: ContractRow, periodEnd: string, parties: InfoParties): TGeneralInfo {
  const stored = storedInfo(invoice);
  const isPrime = contract.kind === 'prime';
  const defaults: Record<GeneralInfoField, string | null> = {
    applicationDate: periodEnd,
    toName: isPrime ? parties.counterpartyName : parties.contractorName,
    architect: contract.architect,
    contractDate: contract.contractDate,
    projectNumber: parties.projectNumber,
    contractFor: `#${contract.number} ${contract.title}`,
  };
  const pick = (f: GeneralInfoField) => stored[f] ?? defaults[f];
  return {
    applicationDate: pick('applicationDate') ?? periodEnd,
    toName: pick('toName') ?? '',
    fromName: isPrime ? parties.contractorName : parties.counterpartyName,
    architect: pick('architect') ?? '',
    contractDate: pick('contractDate'),
    projectName: parties.projectName,
    projectAddress: parties.projectAddress,
    projectNumber: pick('projectNumber') ?? '',
    contractFor: pick('contractFor') ?? '',
    overridden: generalInfoFields.filter((f) => stored[f] !== null),
  };
}
