import { z } from 'zod';
import { ZDate, ZId, ZLevel } from './common';

export const ZCreateProject = z.object({
  name: z.string().trim().min(1).max(200),
  number: z.string().trim().max(50).default(''),
  address: z.string().trim().max(500).default(''),
});
export type TCreateProject = z.input<typeof ZCreateProject>;

export const ZAddMember = z.object({
  userId: ZId.optional(),
  email: z.email().optional(),
  primeContracts: ZLevel,
  commitments: ZLevel,
}).refine((v) => v.userId || v.email, { message: 'give userId or email', path: ['userId'] });
export type TAddMember = z.input<typeof ZAddMember>;

export const ZCreateBillingPeriods = z.discriminatedUnion('schedule', [
  z.object({ schedule: z.literal('manual'), start: ZDate, end: ZDate, due: ZDate }),
  z.object({
    schedule: z.enum(['monthly', 'weekly']),
    start: ZDate,
    count: z.number().int().min(1).max(120),
    /** due date = period end + this many days */
    dueDaysAfterEnd: z.number().int().min(0).max(120).default(0),
  }),
]);
export type TCreateBillingPeriods = z.input<typeof ZCreateBillingPeriods>;
