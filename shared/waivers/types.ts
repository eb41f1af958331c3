// A lien waiver as a printable document: pure data the PDF renderer (worker/src/pdf/render-waiver.ts)
// lays out. The statutory forms (california.ts, texas.ts) are the statutes' words; the values in
// the blanks come from the invoice, its contract, project and payment (worker/src/services/lien-waivers/).
import type { Locale } from '../i18n/locales';

export const WAIVER_TYPES = ['conditional_progress', 'unconditional_progress', 'conditional_final', 'unconditional_final'] as const;
export type WaiverType = (typeof WAIVER_TYPES)[number];

/** generic: our own plain wording (en/es/fr); us-ca / us-tx: the state's statutory form, English only */
export const WAIVER_FORMS = ['generic', 'us-ca', 'us-tx'] as const;
export type WaiverForm = (typeof WAIVER_FORMS)[number];

export const isUnconditional = (t: WaiverType) => t === 'unconditional_progress' || t === 'unconditional_final';
export const isFinal = (t: WaiverType) => t === 'conditional_final' || t === 'unconditional_final';

/** A prior conditional progress waiver not (fully) paid yet: California § 8132 exception (3). */
export type PriorUnpaid = { signedOn: string; unpaidCents: number };

/** The blanks of every form. Text values are printed as given; an empty one prints as a blank line. */
export type WaiverFill = {
  claimant: string;
  customer: string;
  owner: string;
  jobName: string;
  jobNumber: string;
  jobLocation: string;
  /** Texas "(job description)": what the work is (the contract's title) */
  jobDescription: string;
  makerOfCheck: string;
  payableTo: string;
  amountCents: number;
  /** YYYY-MM-DD */
  throughDate: string;
  /** exceptions the claimant lists (free text; the statutes' own exceptions are printed by the forms) */
  exceptions: string;
  /** final forms: "Disputed claims for extras in the amount of" (null = none) */
  disputedClaimsCents: number | null;
  /** California § 8132 (3): earlier conditional progress waivers given but not paid */
  priorUnpaid: PriorUnpaid[];
  /** the typed-name signature and its date (null while a draft) */
  signerName: string | null;
  signerTitle: string | null;
  /** YYYY-MM-DD */
  signedOn: string | null;
};

export type WaiverBlock =
  /** the form's title, centred, bold */
  | { kind: 'title'; text: string }
  /** the statute's notice: bold, at least as large as any other type on the form (Cal. Civ. Code §§ 8134, 8138) */
  | { kind: 'notice'; text: string }
  /** a section heading the statute prints ("Identifying Information") */
  | { kind: 'heading'; text: string }
  /** "Label: value" on its own line */
  | { kind: 'field'; label: string; value: string }
  /** running text, the filled values already in it */
  | { kind: 'para'; text: string }
  /** the signature lines; `isSignature` marks the typed-name signature */
  | { kind: 'signature'; lines: Array<{ label: string; value: string; isSignature?: boolean }> };

export type WaiverDocument = {
  form: WaiverForm;
  type: WaiverType;
  locale: Locale;
  /** the document's title (file name, PDF title) */
  title: string;
  /** where the wording comes from, printed in the footer */
  citation: string;
  blocks: WaiverBlock[];
};
