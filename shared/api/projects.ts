import { z } from 'zod';
import { JURISDICTIONS, WORK_TYPES } from '../jurisdiction/jurisdictions';
import { ZDate, ZId, ZLevel } from './common';

/** Where the work is (ISO 3166-2, one we have rules for: shared/jurisdiction/rules.ts) or null = none chosen. */
export const ZJurisdiction = z.enum(JURISDICTIONS, { error: `expected one of ${JURISDICTIONS.join(', ')}, or null` }).nullable();
export const ZWorkType = z.enum(WORK_TYPES, { error: 'expected private or public' });

const projectFields = {
  name: z.string().trim().min(1).max(200),
  number: z.string().trim().max(50),
  address: z.string().trim().max(500),
};

export const ZCreateProject = z.object({
  name: projectFields.name,
  number: projectFields.number.default(''),
  address: projectFields.address.default(''),
  jurisdiction: ZJurisdiction.default(null),
  workType: ZWorkType.default('private'),
});
export type TCreateProject = z.output<typeof ZCreateProject>;

/** PATCH /projects/{id}: only the fields sent change (project admin: services/projects/update-project.ts). */
export const ZUpdateProject = z
  .object({
    name: projectFields.name.optional(),
    number: projectFields.number.optional(),
    address: projectFields.address.optional(),
    jurisdiction: ZJurisdiction.optional(),
    workType: ZWorkType.optional(),
  })
  .strict();
export type TUpdateProject = z.output<typeof ZUpdateProject>;

export const ZAddMember = z
  .object({
    userId: ZId.optional(),
    email: z.email().optional(),
    primeContracts: ZLevel,
    commitments: ZLevel,
  })
  .refine((v) => v.userId || v.email, { message: 'give userId or email', path: ['userId'] });
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
export type TCreateBillingPeriods = z.output<typeof ZCreateBillingPeriods>;

/** 202 from POST /api/v1/projects/:id/members with an email (docs/security-rules.md "Membership") */
export const ZInvitationCreated = z.object({
  projectId: z.string(),
  invitation: z.object({ id: z.string(), email: z.string(), status: z.literal('pending'), primeContracts: ZLevel, commitments: ZLevel }),
});

/** GET /api/v1/invitations: the signed-in user's pending invitations (docs/security-rules.md "Membership") */
export const ZInvitations = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      projectName: z.string(),
      invitedBy: z.string(),
      primeContracts: ZLevel,
      commitments: ZLevel,
      createdAt: z.string(),
    }),
  ),
});
export type TInvitations = z.infer<typeof ZInvitations>;

/** 200 from POST /api/v1/invitations/:id/accept and /decline */
export const ZInvitationResponse = z.object({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(['accepted', 'declined']),
  /** accepted with a level on a tool: now a member */
  isMember: z.boolean(),
});
