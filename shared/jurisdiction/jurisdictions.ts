// The jurisdictions whose payment rules the product knows (shared/jurisdiction/rules.ts), as
// ISO 3166-2 codes. A project's `jurisdiction` must be one of these or null (none chosen): a code
// we have no rules for would look "checked" while nothing is checked.
import { defineLabels } from '../i18n/define-labels';

export const JURISDICTIONS = ['US-CA', 'US-FL', 'US-MA', 'US-NY', 'US-TX', 'CA-AB', 'CA-ON', 'CA-SK'] as const;

export const WORK_TYPES = ['private', 'public'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type WorkType = (typeof WORK_TYPES)[number];

/** Names for pickers and messages ("Ontario prompt payment: …"). */
const en: Record<Jurisdiction, string> = {
  'US-CA': 'California',
  'US-FL': 'Florida',
  'US-MA': 'Massachusetts',
  'US-NY': 'New York',
  'US-TX': 'Texas',
  'CA-AB': 'Alberta',
  'CA-ON': 'Ontario',
  'CA-SK': 'Saskatchewan',
};
export const jurisdictionNames = defineLabels<Record<Jurisdiction, string>>({
  en,
  es: { ...en, 'US-NY': 'Nueva York' },
  fr: { ...en, 'US-CA': 'Californie', 'US-FL': 'Floride' },
});
