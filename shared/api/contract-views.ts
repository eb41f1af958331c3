// What the contract, SOV and group routes answer (worker/src/routes/contracts.ts); see
// shared/api/invoice-views.ts for why responses are schemas.
import { z } from 'zod';
import { ZLevel } from './common';
import { ZRetainageReduction } from './contracts';
import { ZDeadline } from './deadline-views';

export const ZContractView = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(['prime', 'commitment']),
  number: z.number(),
  title: z.string(),
  counterpartyCompanyId: z.string().nullable(),
  status: z.enum(['draft', 'approved', 'complete', 'terminated']),
  accountingMethod: z.enum(['amount', 'unit']),
  workRetainageBps: z.number(),
  storedRetainageBps: z.number(),
  retainageReduction: ZRetainageReduction.nullable(),
  allowOverbilling: z.boolean(),
  isPrivate: z.boolean(),
  contractDate: z.string().nullable(),
  architect: z.string(),
  description: z.string(),
  /** days after submission that an invoice's payment is due (shared/payments/clock.ts) */
  paymentTermsDays: z.number(),
  /** opt-in: a polite reminder on overdue invoices, at most once every reminderCadenceDays */
  remindersEnabled: z.boolean(),
  reminderCadenceDays: z.number(),
  privateUserIds: z.array(z.string()),
  invoiceContactUserIds: z.array(z.string()),
  originalContractSumCents: z.number(),
  approvedChangeOrdersCents: z.number(),
  revisedContractSumCents: z.number(),
  lineCount: z.number(),
  /** the project's jurisdiction rules that apply to this contract today (shared/jurisdiction/deadlines.ts) */
  deadlines: z.array(ZDeadline),
  /** the caller's own access; present on single-contract answers */
  myAccess: z.object({ level: ZLevel, isToolAdmin: z.boolean(), isInvoiceContact: z.boolean() }).optional(),
});
export type TContractView = z.infer<typeof ZContractView>;
export const ZContracts = z.object({ contracts: z.array(ZContractView) });
export type TContracts = z.infer<typeof ZContracts>;

export const ZGroupView = z.object({ id: z.string(), name: z.string(), position: z.number() });
export type TGroupView = z.infer<typeof ZGroupView>;
export const ZGroups = z.object({ groups: z.array(ZGroupView) });

export const ZSovLineView = z.object({
  id: z.string(),
  itemNo: z.string(),
  costCode: z.string(),
  description: z.string(),
  groupId: z.string().nullable(),
  position: z.number(),
  scheduledValueCents: z.number(),
  scheduledQty: z.number().nullable(),
  unitOfMeasure: z.string().nullable(),
  unitPrice: z.number().nullable(),
  hasSubtotalOverride: z.boolean(),
  workRetainageBps: z.number().nullable(),
  storedRetainageBps: z.number().nullable(),
  changeOrderId: z.string().nullable(),
});
export const ZSovView = z.object({ groups: z.array(ZGroupView), lines: z.array(ZSovLineView) });
export type TSovView = z.infer<typeof ZSovView>;

export const ZAssignLinesResult = z.object({ groupId: z.string().nullable(), lineCount: z.number() });
/** The answer of a delete: false when there was nothing to delete. */
export const ZDeleted = z.object({ deleted: z.boolean() });
