// Payment rules by jurisdiction, pure: each rule says where it applies (jurisdiction, work type,
// contract kind, contracts signed from which day), what it checks, and where that comes from. The
// sources are those of ../shared/reports/market.md "Rules a pay-app product should warn about",
// checked on the day given; docs/get-paid.md "Rules by jurisdiction" lists the same table.
// shared/jurisdiction/deadlines.ts runs them for a contract or an invoice.
import { addDays, addMonths } from '../dates';
import type { Locale } from '../i18n/locales';
import { daysPastDue, dueOn } from '../payments/clock';
import { jurisdictionNames, type Jurisdiction, type WorkType } from './jurisdictions';
import { formatDay, formatRate, formatThreshold, type DeadlineLabels } from './labels';

export type RuleSource = { title: string; url: string; checkedOn: string };
export type Severity = 'info' | 'warning';

/** What a rule needs to know of a contract (and its project). Money in cents, rates in basis points. */
export type ContractFacts = {
  jurisdiction: string | null;
  workType: WorkType;
  kind: 'prime' | 'commitment';
  contractDate: string | null;
  /** the revised contract sum (original + approved change orders): the thresholds' measure */
  contractSumCents: number;
  /** the highest retainage rate the contract can hold: work, stored materials, any line's own rate */
  maxRetainageBps: number;
  workRetainageBps: number;
};

/** What an invoice adds: when it was submitted, and what is still open (null = not known: counted as open). */
export type InvoiceFacts = { submittedOn: string | null; openCents: number | null };

export type RuleInput = { contract: ContractFacts; invoice: InvoiceFacts | null; asOf: string; locale: Locale; L: DeadlineLabels };
export type Finding = { severity: Severity; message: string; dueOn: string | null };

export type Rule = {
  code: string;
  jurisdiction: Jurisdiction;
  workType: WorkType | 'any';
  kinds: ReadonlyArray<'prime' | 'commitment'>;
  /** contracts signed on or after this day (YYYY-MM-DD); null = whatever the contract's date */
  effectiveFrom: string | null;
  /** contract: shown with the contract and each of its invoices; invoice: with a submitted invoice only */
  on: 'contract' | 'invoice';
  /** what is checked and what the product does, in plain words (docs/get-paid.md) */
  checks: string;
  source: RuleSource;
  evaluate: (input: RuleInput) => Finding[];
};

const CHECKED = '2026-11-30';
const BOTH = ['prime', 'commitment'] as const;

/** A statutory cap on retainage: a warning when any rate the contract holds is above it. */
function capRule(r: {
  code: string;
  jurisdiction: Jurisdiction;
  workType: WorkType;
  kinds: ReadonlyArray<'prime' | 'commitment'>;
  effectiveFrom: string | null;
  thresholdCents: number;
  law: string;
  scope: (L: DeadlineLabels, threshold: string) => string;
  source: RuleSource;
}): Rule {
  const above = r.thresholdCents ? ` on contracts of ${formatThreshold('en', r.thresholdCents)} or more` : '';
  return {
    code: r.code,
    jurisdiction: r.jurisdiction,
    workType: r.workType,
    kinds: r.kinds,
    effectiveFrom: r.effectiveFrom,
    on: 'contract',
    checks: `Warning when the contract's work, stored-materials or any line's retainage is above 5%${above}.`,
    source: r.source,
    evaluate: ({ contract, locale, L }) =>
      contract.contractSumCents >= r.thresholdCents && contract.maxRetainageBps > 500
        ? [
            {
              severity: 'warning',
              dueOn: null,
              message: L.retainageAboveCap({
                rate: formatRate(locale, contract.maxRetainageBps),
                cap: formatRate(locale, 500),
                law: r.law,
                scope: r.scope(L, formatThreshold(locale, r.thresholdCents)),
              }),
            },
          ]
        : [],
  };
}

/**
 * Prompt payment (Ontario, Alberta, Saskatchewan): the owner pays a proper invoice within `payDays`
 * of it, or gives a notice of non-payment within `noticeDays`. Both clocks start on the day the
 * invoice was submitted (invoices.submitted_on) and are counted by shared/payments/clock.ts. Gone
 * once the invoice is paid. `overdueWarns`: past the payment day with money open is a warning.
 */
function promptPaymentRule(r: { jurisdiction: Jurisdiction; effectiveFrom: string | null; law: string; overdueWarns: boolean; source: RuleSource }): Rule {
  const payDays = 28;
  const noticeDays = 14;
  return {
    code: `${r.jurisdiction}.prompt-payment`,
    jurisdiction: r.jurisdiction,
    workType: 'any',
    kinds: ['prime'],
    effectiveFrom: r.effectiveFrom,
    on: 'invoice',
    checks:
      `On each submitted owner invoice not yet paid: payment due ${payDays} days after submission, notice of non-payment due ${noticeDays} days after it. ` +
      (r.overdueWarns ? 'Info until the payment day; a warning once it has passed with money still open.' : 'Info only.'),
    source: r.source,
    evaluate: ({ invoice, asOf, locale, L }) => {
      if (!invoice?.submittedOn || invoice.openCents === 0) return [];
      const place = jurisdictionNames(locale)[r.jurisdiction];
      const payOn = dueOn(invoice.submittedOn, payDays)!;
      const noticeOn = dueOn(invoice.submittedOn, noticeDays)!;
      const late = daysPastDue(payOn, asOf);
      const clock = { date: formatDay(locale, payOn), law: r.law, days: payDays, place };
      return [
        late > 0
          ? { severity: r.overdueWarns ? 'warning' : 'info', dueOn: payOn, message: L.payOverdue({ ...clock, late }) }
          : { severity: 'info', dueOn: payOn, message: L.payWithin(clock) },
        { severity: 'info', dueOn: noticeOn, message: L.nonPaymentNotice({ date: formatDay(locale, noticeOn), days: noticeDays, law: r.law }) },
      ];
    },
  };
}

/** Ontario's amendments in force on this day (Bills 216 and 60): the annual holdback release. */
export const ONTARIO_2026 = '2026-01-01';

/**
 * The anniversary whose annual holdback release is current on asOf: the first one whose latest
 * payment day (anniversary + 14 days for the notice + 74 days) is not past. A contract signed
 * before ONTARIO_2026 first releases on its second anniversary after that day (transition).
 */
export function holdbackAnniversary(contractDate: string, asOf: string): string {
  // addMonths clamps: a contract signed on Feb 29 has its anniversary on Feb 28 in common years
  const yearsLater = (n: number) => addMonths(contractDate, 12 * n);
  let n = 1;
  if (contractDate < ONTARIO_2026) {
    while (yearsLater(n) < ONTARIO_2026) n++;
    n++; // the first anniversary on or after the amendments does not release yet
  }
  while (addDays(yearsLater(n), 14 + 74) < asOf) n++;
  return yearsLater(n);
}

const ontarioHoldbackRelease: Rule = {
  code: 'CA-ON.annual-holdback-release',
  jurisdiction: 'CA-ON',
  workType: 'any',
  kinds: BOTH,
  effectiveFrom: null,
  on: 'contract',
  checks:
    "Info with the next release: the owner's notice is due within 14 days of the contract's anniversary (contract date), the accrued holdback 60 to 74 days after the notice. Contracts signed before 2026-01-01 first release on their second anniversary after that day.",
  source: {
    title: 'Ontario Construction Act amendments in force January 1, 2026: mandatory annual holdback release',
    url: 'https://www.loopstranixon.com/insights/publication/ontario-s-construction-act-amendments-effective-january-1--2026--a-practical-guide',
    checkedOn: CHECKED,
  },
  evaluate: ({ contract, asOf, locale, L }) => {
    const law = 'Construction Act';
    if (!contract.contractDate) return [{ severity: 'info', dueOn: null, message: L.holdbackNoDate(law) }];
    const anniversary = holdbackAnniversary(contract.contractDate, asOf);
    const notice = addDays(anniversary, 14);
    const payment = addDays(notice, 74);
    return [
      { severity: 'info', dueOn: notice, message: L.holdbackNotice({ anniversary: formatDay(locale, anniversary), date: formatDay(locale, notice), law }) },
      { severity: 'info', dueOn: payment, message: L.holdbackPayment({ notice: formatDay(locale, notice), date: formatDay(locale, payment), law }) },
    ];
  },
};

export const RULES: readonly Rule[] = [
  capRule({
    code: 'US-CA.private-retainage-cap',
    jurisdiction: 'US-CA',
    workType: 'private',
    kinds: BOTH,
    effectiveFrom: '2026-01-01',
    thresholdCents: 0,
    law: 'Civil Code §8811',
    scope: (L) => L.capScope.caPrivate,
    source: {
      title: 'California Civil Code §8811 as amended by SB 61: 5% retention cap on private works, contracts from January 1, 2026',
      url: 'https://www.coxcastle.com/publication-new-california-law-caps-construction-contract-retention-at-5-on-private-projects',
      checkedOn: CHECKED,
    },
  }),
  capRule({
    code: 'US-CA.public-retainage-cap',
    jurisdiction: 'US-CA',
    workType: 'public',
    kinds: BOTH,
    effectiveFrom: null,
    thresholdCents: 0,
    law: 'Public Contract Code §7201',
    scope: (L) => L.capScope.caPublic,
    source: {
      title: 'California Public Contract Code §7201: 5% retention on public works',
      url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PCC&sectionNum=7201',
      checkedOn: CHECKED,
    },
  }),
  capRule({
    code: 'US-NY.private-retainage-cap',
    jurisdiction: 'US-NY',
    workType: 'private',
    kinds: BOTH,
    effectiveFrom: '2023-11-17',
    thresholdCents: 15_000_000,
    law: 'General Business Law §756-c',
    scope: (L, t) => L.capScope.nyPrivate(t),
    source: {
      title: 'New York General Business Law §756-c: 5% retainage cap on private projects of $150,000 or more, from November 17, 2023',
      url: 'https://globaldisputeresolutioninsights.foxrothschild.com/2023/12/new-york-caps-retainage-at-5-on-private-construction-projects-permits-contractors-to-submit-final-invoice-upon-substantial-completion/',
      checkedOn: CHECKED,
    },
  }),
  capRule({
    code: 'US-MA.private-retainage-cap',
    jurisdiction: 'US-MA',
    workType: 'private',
    kinds: ['prime'],
    effectiveFrom: null,
    thresholdCents: 300_000_000,
    law: 'Massachusetts prompt pay act',
    scope: (L, t) => L.capScope.maPrivate(t),
    source: {
      title: 'Massachusetts private construction prompt pay: 5% retainage on private prime contracts of $3 million or more, not waivable',
      url: 'https://professionalroofing.net/Articles/Rules-of-retainage--03-01-2015/3615',
      checkedOn: CHECKED,
    },
  }),
  capRule({
    code: 'US-FL.public-retainage-cap',
    jurisdiction: 'US-FL',
    workType: 'public',
    kinds: BOTH,
    effectiveFrom: '2020-10-01',
    thresholdCents: 20_000_000,
    law: 'Fla. Stat. §255.078, §218.735',
    scope: (L, t) => L.capScope.flPublic(t),
    source: {
      title: 'Florida public projects of $200,000 or more: flat 5% retainage since October 1, 2020',
      url: 'https://www.levelset.com/retainage/florida-retainage-faqs/',
      checkedOn: CHECKED,
    },
  }),
  {
    code: 'US-TX.owner-retainage',
    jurisdiction: 'US-TX',
    workType: 'private',
    kinds: ['prime'],
    effectiveFrom: null,
    on: 'contract',
    checks:
      "Info (not a warning) when an owner contract's work retainage is below 10%: Texas makes the owner retain 10% on lien-able private work to protect lien claimants; it is a floor on the owner's holding, not a limit on the contract.",
    source: {
      title: 'Texas Property Code §53.101: the owner retains 10% on private lien-able work (a floor, not a cap)',
      url: 'https://www.levelset.com/retainage/texas-retainage-faqs/',
      checkedOn: CHECKED,
    },
    evaluate: ({ contract, locale, L }) =>
      contract.workRetainageBps < 1000
        ? [
            {
              severity: 'info',
              dueOn: null,
              message: L.texasOwnerRetainage({ rate: formatRate(locale, contract.workRetainageBps), law: 'Property Code §53.101' }),
            },
          ]
        : [],
  },
  {
    code: 'CA-ON.basic-holdback',
    jurisdiction: 'CA-ON',
    workType: 'any',
    kinds: BOTH,
    effectiveFrom: null,
    on: 'contract',
    checks: 'Info when the contract holds less than the 10% basic holdback every payer must retain.',
    source: {
      title: 'Ontario Construction Act: basic holdback of 10% (plus a separate finishing holdback)',
      url: 'https://millerthomson.com/fr/perspectives-juridiques/breaking-ground-ontario-fr/holdback-what-you-need-to-know',
      checkedOn: CHECKED,
    },
    evaluate: ({ contract, locale, L }) =>
      contract.workRetainageBps < 1000
        ? [{ severity: 'info', dueOn: null, message: L.ontarioHoldback({ rate: formatRate(locale, contract.workRetainageBps), law: 'Construction Act' }) }]
        : [],
  },
  ontarioHoldbackRelease,
  promptPaymentRule({
    jurisdiction: 'CA-ON',
    effectiveFrom: '2019-10-01',
    law: 'Construction Act, Part I.1',
    overdueWarns: true,
    source: {
      title:
        'Ontario Construction Act prompt payment (in force October 1, 2019): owner pays within 28 days of a proper invoice or gives notice of non-payment within 14 days',
      url: 'https://canada.constructconnect.com/dcn/news/government/2020/03/legal-notes-invoice-disputes-and-non-payment-what-happens',
      checkedOn: CHECKED,
    },
  }),
  ...(['CA-AB', 'CA-SK'] as const).map((j) =>
    promptPaymentRule({
      jurisdiction: j,
      effectiveFrom: null,
      law: j === 'CA-AB' ? 'Prompt Payment and Construction Lien Act' : 'The Builders’ Lien Act',
      overdueWarns: false,
      source: {
        title: 'Alberta and Saskatchewan prompt payment: the same 28/14/7-day pattern as Ontario',
        url: 'https://www.ahbl.ca/prompt-payment-legislation-update-2/',
        checkedOn: CHECKED,
      },
    }),
  ),
];
