import { z } from 'zod';
import { ZBps, ZCents, ZDate, ZId, ZQty } from './common';

export const ZRetainageReduction = z.object({
  thresholdPercentCompleteBps: ZBps,
  reducedWorkRateBps: ZBps,
  mode: z.enum(['rerate_all', 'new_work_only']),
});

/** Payment terms and reminders (services/reminders/run-reminders.ts); errors name the field. */
export const ZPaymentTermsDays = z.number().int('payment terms are whole days').min(1, 'at least 1 day').max(365, 'at most 365 days');
export const ZReminderCadenceDays = z.number().int('the cadence is whole days').min(1, 'at least 1 day').max(90, 'at most 90 days');

const contractFields = {
  title: z.string().trim().min(1).max(200),
  counterpartyCompanyId: ZId.nullable().default(null),
  workRetainageBps: ZBps.default(0),
  storedRetainageBps: ZBps.default(0),
  retainageReduction: ZRetainageReduction.nullable().default(null),
  allowOverbilling: z.boolean().default(false),
  isPrivate: z.boolean().default(false),
  privateUserIds: z.array(ZId).max(200).default([]),
  invoiceContactUserIds: z.array(ZId).max(200).default([]),
  contractDate: ZDate.nullable().default(null),
  architect: z.string().max(200).default(''),
  description: z.string().max(2000).default(''),
  paymentTermsDays: ZPaymentTermsDays.default(30),
  remindersEnabled: z.boolean().default(false),
  reminderCadenceDays: ZReminderCadenceDays.default(7),
};

export const ZCreateContract = z.object({
  kind: z.enum(['prime', 'commitment']),
  accountingMethod: z.enum(['amount', 'unit']),
  ...contractFields,
});
export type TCreateContract = z.output<typeof ZCreateContract>;

/** accountingMethod and kind never change after creation (docs/domain.md). */
export const ZUpdateContract = z
  .object({
    title: contractFields.title.optional(),
    counterpartyCompanyId: ZId.nullable().optional(),
    workRetainageBps: ZBps.optional(),
    storedRetainageBps: ZBps.optional(),
    retainageReduction: ZRetainageReduction.nullable().optional(),
    allowOverbilling: z.boolean().optional(),
    isPrivate: z.boolean().optional(),
    privateUserIds: z.array(ZId).max(200).optional(),
    invoiceContactUserIds: z.array(ZId).max(200).optional(),
    contractDate: ZDate.nullable().optional(),
    architect: z.string().max(200).optional(),
    description: z.string().max(2000).optional(),
    paymentTermsDays: ZPaymentTermsDays.optional(),
    remindersEnabled: z.boolean().optional(),
    reminderCadenceDays: ZReminderCadenceDays.optional(),
    status: z.enum(['complete', 'terminated']).optional(),
  })
  .strict();
export type TUpdateContract = z.output<typeof ZUpdateContract>;

export const ZSovLineInput = z.object({
  itemNo: z.string().trim().min(1).max(30),
  costCode: z.string().trim().max(50).default(''),
  description: z.string().trim().min(1).max(500),
  /** the group's name; created when missing */
  group: z.string().trim().max(100).nullable().default(null),
  /** amount lines; on unit lines with a subtotal override */
  scheduledValueCents: ZCents.optional(),
  /** unit lines */
  scheduledQty: ZQty.optional(),
  unitOfMeasure: z.string().trim().max(20).optional(),
  unitPrice: ZQty.optional(),
  hasSubtotalOverride: z.boolean().default(false),
  workRetainageBps: ZBps.nullable().default(null),
  storedRetainageBps: ZBps.nullable().default(null),
});
export type TSovLineInput = z.output<typeof ZSovLineInput>;

export const ZReplaceSov = z.object({ lines: z.array(ZSovLineInput).max(20000) });
export type TReplaceSov = z.output<typeof ZReplaceSov>;

export const ZGroupInput = z.object({ name: z.string().trim().min(1).max(100), position: z.number().int().min(0).optional() });
export const ZAssignGroup = z.object({ lineIds: z.array(ZId).min(1).max(20000) });

export const ZCreateChangeOrder = z.object({
  title: z.string().trim().min(1).max(200),
  lines: z
    .array(
      z.union([
        z.object({ lineId: ZId, amountCents: ZCents }),
        z.object({ itemNo: z.string().min(1), amountCents: ZCents }),
        /** a separate CO line: a new SOV line whose original value is 0 */
        z.object({ newLine: z.object({ itemNo: z.string().trim().min(1).max(30), description: z.string().trim().min(1).max(500) }), amountCents: ZCents }),
      ]),
    )
    .min(1)
    .max(500),
});
export type TCreateChangeOrder = z.output<typeof ZCreateChangeOrder>;

export const ZApproveChangeOrder = z.object({ approvedOn: ZDate });
