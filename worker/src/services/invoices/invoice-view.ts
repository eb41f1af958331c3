import type { InvoiceResult } from '@shared/engine/types';
import { retainageReductionOf } from '../contracts/contract-view';
import { editability } from './editability';
import { resolveGeneralInfo } from './general-info';
import type { InvoiceState } from './invoice-state';
import type { PeriodBackupView } from '../invoice-attachments/attach-period-backup';
import type { TPaymentSummary } from '@shared/api/payments';

/** The invoice as the API returns it: header, every G703 column per line, G702, CO summary, warnings. */
export function invoiceView(
  state: InvoiceState,
  result: InvoiceResult,
  pendingChangeOrderCount: number,
  periodBackup: PeriodBackupView | null,
  payment: TPaymentSummary,
) {
  const { invoice, period, access } = state;
  const edit = editability(state);
  const sovById = new Map(state.sov.map((l) => [l.id, l]));
  return {
    invoice: {
      id: invoice.id,
      projectId: invoice.projectId,
      contractId: invoice.contractId,
      number: invoice.number,
      status: invoice.status,
      kind: invoice.kind,
      version: invoice.version,
      billingPeriod: { id: period.id, start: period.startDate, end: period.endDate, due: period.dueDate },
      line6FrozenCents: invoice.line6FrozenCents,
      includeBackup: invoice.includeBackup,
      /** the "include backup" attachments: pending (queued or re-queued by the cron), done, or failed with why */
      periodBackup,
      createdAt: invoice.createdAt,
      updatedAt: invoice.updatedAt,
      isLatest: invoice.id === state.latestInvoice.id,
      isEditable: edit.isEditable,
      notEditableReason: edit.reason,
      editableInvoiceNumber: edit.editableInvoiceNumber,
      pendingChangeOrderCount,
      architectCertificate:
        invoice.architectCertifiedCents === null
          ? null
          : {
              amountCents: invoice.architectCertifiedCents,
              recordedAt: invoice.architectCertifiedAt ?? invoice.updatedAt,
              recordedBy: invoice.architectCertifiedBy,
              messageId: invoice.architectCertifiedMessageId,
            },
    },
    contract: {
      id: access.contract.id,
      number: access.contract.number,
      kind: access.contract.kind,
      title: access.contract.title,
      accountingMethod: access.contract.accountingMethod,
      allowOverbilling: access.contract.allowOverbilling,
      // the terms that make the G703's retainage columns live formulas in the workbook
      // (addin/src/excel/layout.ts): from the contract row already read for access, no extra statement
      workRetainageBps: access.contract.workRetainageBps,
      storedRetainageBps: access.contract.storedRetainageBps,
      retainageReduction: retainageReductionOf(access.contract),
    },
    generalInfo: resolveGeneralInfo(invoice, access.contract, period.endDate, state.parties),
    lines: result.lines.map((l) => {
      const sov = sovById.get(l.lineId)!;
      return {
        ...l,
        costCode: sov.costCode,
        position: sov.position,
        groupId: sov.groupId,
        groupName: sov.groupId ? (state.groups.get(sov.groupId) ?? null) : null,
        hasSubtotalOverride: sov.hasSubtotalOverride,
        workRetainageBpsOverride: sov.workRetainageBps,
        storedRetainageBpsOverride: sov.storedRetainageBps,
      };
    }),
    totals: result.totals,
    g702: result.g702,
    changeOrderSummary: result.changeOrderSummary,
    changeOrders: state.includedChangeOrders,
    warnings: result.warnings,
    /** paid, open balance and days past due (worker/src/services/payments/payment-summary.ts) */
    payment,
  };
}

export type InvoiceView = ReturnType<typeof invoiceView>;
