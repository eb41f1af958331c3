// What the project, member, billing-period and directory routes answer (worker/src/routes/projects.ts,
// worker/src/routes/me.ts); see shared/api/invoice-views.ts for why responses are schemas.
import { z } from 'zod';
import { ZLevel } from './common';

export const ZProjectView = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string(),
  address: z.string(),
  /** ISO 3166-2 code of where the work is ('US-CA', 'CA-ON', …), null when none chosen */
  jurisdiction: z.string().nullable(),
  workType: z.enum(['private', 'public']),
  permissions: z.object({ primeContracts: z.string(), commitments: z.string() }),
});
export type TProjectView = z.infer<typeof ZProjectView>;
export const ZProjects = z.object({ projects: z.array(ZProjectView) });

export const ZMe = z.object({
  user: z.object({ id: z.string(), companyId: z.string(), companyName: z.string(), email: z.string(), name: z.string(), locale: z.string() }),
  projects: z.array(ZProjectView),
});
export type TMe = z.infer<typeof ZMe>;

export const ZMemberView = z.object({ projectId: z.string(), userId: z.string(), email: z.string(), primeContracts: ZLevel, commitments: ZLevel });

export const ZBillingPeriodView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  due: z.string(),
  schedule: z.enum(['manual', 'monthly', 'weekly']),
  invoiceCount: z.number(),
  canDelete: z.boolean(),
});
export type TBillingPeriodView = z.infer<typeof ZBillingPeriodView>;
export const ZBillingPeriods = z.object({ billingPeriods: z.array(ZBillingPeriodView) });

/** Members and visible invoice contacts, for addressing email. */
export const ZDirectory = z.object({
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      /** the person's company: a contract's counterparty is chosen among these */
      companyId: z.string(),
      companyName: z.string(),
      isMember: z.boolean(),
      invoiceContactOf: z.array(z.string()),
    }),
  ),
});
export type TDirectory = z.infer<typeof ZDirectory>;
