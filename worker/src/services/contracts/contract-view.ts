import { contractDeadlines } from '@shared/jurisdiction/deadlines';
import type { ContractFacts } from '@shared/jurisdiction/rules';
import type { Contract, ContractAccess } from '../access/contract-access';
import type { loadContractExtras } from './load-contract-extras';
import { nowIso } from '../../lib/ids';

type Extras = NonNullable<ReturnType<Awaited<ReturnType<typeof loadContractExtras>>['get']>>;

/** What the jurisdiction rules need of a contract (shared/jurisdiction/rules.ts). */
export function contractFacts(c: Contract, ruleFacts: Extras['ruleFacts'], contractSumCents: number): ContractFacts {
  return {
    jurisdiction: ruleFacts.jurisdiction,
    workType: ruleFacts.workType,
    kind: c.kind,
    contractDate: c.contractDate,
    contractSumCents,
    maxRetainageBps: Math.max(c.workRetainageBps, c.storedRetainageBps, ruleFacts.maxLineRetainageBps),
    workRetainageBps: c.workRetainageBps,
  };
}

/** The contract's retainage reduction as the API shows it (shared/api/contracts.ts ZRetainageReduction); null when none. */
export function retainageReductionOf(c: Contract) {
  return c.reductionMode != null
    ? { thresholdPercentCompleteBps: c.reductionThresholdBps!, reducedWorkRateBps: c.reductionWorkRateBps!, mode: c.reductionMode }
    : null;
}

/** `reader`: the day and language the deadlines are told for (today, the user's language). */
export function contractView(
  c: Contract,
  { ruleFacts, ...extra }: Extras,
  reader: { asOf: string; locale: string },
  access?: Pick<ContractAccess, 'level' | 'isToolAdmin' | 'isInvoiceContact'>,
) {
  const revisedContractSumCents = extra.originalContractSumCents + extra.approvedChangeOrdersCents;
  return {
    id: c.id,
    projectId: c.projectId,
    kind: c.kind,
    number: c.number,
    title: c.title,
    counterpartyCompanyId: c.counterpartyCompanyId,
    status: c.status,
    accountingMethod: c.accountingMethod,
    workRetainageBps: c.workRetainageBps,
    storedRetainageBps: c.storedRetainageBps,
    retainageReduction: retainageReductionOf(c),
    allowOverbilling: c.allowOverbilling,
    isPrivate: c.isPrivate,
    contractDate: c.contractDate,
    architect: c.architect,
    description: c.description,
    paymentTermsDays: c.paymentTermsDays,
    remindersEnabled: c.remindersEnabled,
    reminderCadenceDays: c.reminderCadenceDays,
    ...extra,
    revisedContractSumCents,
    deadlines: contractDeadlines(contractFacts(c, ruleFacts, revisedContractSumCents), reader.asOf, reader.locale),
    ...(access ? { myAccess: { level: access.level, isToolAdmin: access.isToolAdmin, isInvoiceContact: access.isInvoiceContact } } : {}),
  };
}

/** Deadlines are told for today (UTC) in the signed-in user's language. */
export const readerOf = (ctx: { user: { locale: string } }) => ({ asOf: nowIso().slice(0, 10), locale: ctx.user.locale });
