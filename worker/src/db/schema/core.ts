import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

// Timestamps are ISO-8601 strings (UTC); calendar dates are YYYY-MM-DD strings.

export const companies = sqliteTable('companies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('en'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** Bearer credentials. Only the SHA-256 of a token is stored. kind: api (scripts) or session (add-in sign-in). */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    kind: text('kind', { enum: ['api', 'session'] })
      .notNull()
      .default('api'),
    label: text('label').notNull().default(''),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash)],
);

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  companyId: text('company_id')
    .notNull()
    .references(() => companies.id),
  name: text('name').notNull(),
  number: text('number').notNull().default(''),
  address: text('address').notNull().default(''),
  /** where the work is: 'US-CA', 'CA-ON', … (ISO 3166-2); drives the rules in shared/jurisdiction. null = none chosen */
  jurisdiction: text('jurisdiction'),
  /** private or public work: statutory retainage caps differ between them */
  workType: text('work_type', { enum: ['private', 'public'] })
    .notNull()
    .default('private'),
  createdAt: createdAt(),
});

export const permissionLevels = ['none', 'read_only', 'standard', 'admin'] as const;

export const projectMembers = sqliteTable(
  'project_members',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    primeContractsLevel: text('prime_contracts_level', { enum: permissionLevels }).notNull().default('none'),
    commitmentsLevel: text('commitments_level', { enum: permissionLevels }).notNull().default('none'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_members_user_idx').on(t.userId)],
);

/**
 * Membership by invitation (docs/security-rules.md "Membership"): adding someone by email records an
 * invitation whatever the address (no account oracle); the person becomes a member only when the
 * signed-in user with that address accepts it. status: pending | accepted | declined.
 */
export const projectInvitations = sqliteTable(
  'project_invitations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    email: text('email').notNull(),
    primeContractsLevel: text('prime_contracts_level', { enum: permissionLevels }).notNull().default('none'),
    commitmentsLevel: text('commitments_level', { enum: permissionLevels }).notNull().default('none'),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['pending', 'accepted', 'declined'] })
      .notNull()
      .default('pending'),
    respondedAt: text('responded_at'),
    createdAt: createdAt(),
  },
  (t) => [index('project_invitations_email_idx').on(t.email, t.status), index('project_invitations_project_idx').on(t.projectId)],
);

export const billingPeriods = sqliteTable(
  'billing_periods',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    dueDate: text('due_date').notNull(),
    schedule: text('schedule', { enum: ['manual', 'monthly', 'weekly'] })
      .notNull()
      .default('manual'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('billing_periods_start_uq').on(t.projectId, t.startDate)],
);
