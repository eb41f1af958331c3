import type { Contract, ContractAccess } from '../access/contract-access';

export function contractView(
  c: Contract,
  extra: { privateUserIds: string[]; invoiceContactUserIds: string[]; originalContractSumCents: number; approvedChangeOrdersCents: number; lineCount: number },
  access?: Pick<ContractAccess, 'level' | 'isToolAdmin' | 'isInvoiceContact'>,
) {
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
    retainageReduction:
      c.reductionMode != null
        ? { thresholdPercentCompleteBps: c.reductionThresholdBps!, reducedWorkRateBps: c.reductionWorkRateBps!, mode: c.reductionMode }
        : null,
    allowOverbilling: c.allowOverbilling,
    isPrivate: c.isPrivate,
    contractDate: c.contractDate,
    architect: c.architect,
    description: c.description,
    paymentTermsDays: c.paymentTermsDays,
    remindersEnabled: c.remindersEnabled,
    reminderCadenceDays: c.reminderCadenceDays,
    ...extra,
    revisedContractSumCents: extra.originalContractSumCents + extra.approvedChangeOrdersCents,
    ...(access ? { myAccess: { level: access.level, isToolAdmin: access.isToolAdmin, isInvoiceContact: access.isInvoiceContact } } : {}),
  };
}
