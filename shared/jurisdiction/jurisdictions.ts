// The jurisdictions whose payment rules the product knows (shared/jurisdiction/rules.ts), as
// ISO 3166-2 codes. A project's `jurisdiction` must be one of these or null (none chosen): a code
// we have no rules for would look "checked" while nothing is checked.

export const JURISDICTIONS = ['US-CA', 'US-FL', 'US-MA', 'US-NY', 'US-TX', 'CA-AB', 'CA-ON', 'CA-SK'] as const;

export const WORK_TYPES = ['private', 'public'] as const;
