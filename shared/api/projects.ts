import { z } from 'zod';
import { ZDate, ZId, ZLevel } from './common';

export const ZCreateProject = z.object({
  name: z.string().trim().min(1).max(200),
  number: z.string().trim().max(50).default(''),
  address: z.string().trim().max(500).default(''),
});
/** as a client sends it */
export type TCreateProjectInput = z.input<typeof ZCreateProject>;
/** as the service verb receives it: parsed, defaults applied */
export type TCreateProject = z.output<typeof ZCreateProject>;

export const ZAddMember = z.object({
  userId: ZId.optional(),
  email: z.email().optional(),
  primeContracts: ZLevel,
  commitments: ZLevel,
}).refine((v) => v.userId || v.email, { message: 'give userId or email', path: ['userId'] });
/** as a client sends it */
export type TAddMemberInput = z.input<typeof ZAddMember>;
/** as the service verb receives it: parsed, defaults applied */
export type TAddMember = z.output<typeof ZAddMember>;

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
/** as a client sends it */
export type TCreateBillingPeriodsInput = z.input<typeof ZCreateBillingPeriods>;
/** as the service verb receives it: parsed, defaults applied */
export type TCreateBillingPeriods = z.output<typeof ZCreateBillingPeriods>;
