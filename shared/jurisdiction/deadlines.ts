// The deadlines and warnings a contract or an invoice shows for its project's jurisdiction: the
// rules of shared/jurisdiction/rules.ts that apply, run on a given day, in the reader's language.
// The contract view (worker/src/services/contracts/contract-view.ts) and the invoice view
// (worker/src/services/invoices/invoice-view.ts) answer them as `deadlines`.
import { toLocale } from '../i18n/locales';
import { formatDay, deadlineLabels } from './labels';
import { RULES, type ContractFacts, type InvoiceFacts, type Rule, type RuleSource, type Severity } from './rules';

export type Deadline = { code: string; severity: Severity; message: string; dueOn: string | null; source: RuleSource };

function applies(rule: Rule, c: ContractFacts): boolean {
  if (rule.jurisdiction !== c.jurisdiction) return false;
  if (rule.workType !== 'any' && rule.workType !== c.workType) return false;
  if (!rule.kinds.includes(c.kind)) return false;
  // a contract signed before the law took effect is not under it
  return !(rule.effectiveFrom && c.contractDate && c.contractDate < rule.effectiveFrom);
}

function run(rules: readonly Rule[], contract: ContractFacts, invoice: InvoiceFacts | null, asOf: string, localeTag: string | null | undefined): Deadline[] {
  const locale = toLocale(localeTag) ?? 'en';
  const L = deadlineLabels(locale);
  return rules
    .filter((r) => applies(r, contract))
    .flatMap((rule) =>
      rule.evaluate({ contract, invoice, asOf, locale, L }).map((f) => {
        // Without a contract date we cannot tell whether a dated law covers the contract: say so, and
        // do not warn about what may not apply.
        const undated = rule.effectiveFrom && !contract.contractDate;
        return {
          code: rule.code,
          severity: undated ? ('info' as const) : f.severity,
          message: undated ? f.message + L.dateUnknown(formatDay(locale, rule.effectiveFrom!)) : f.message,
          dueOn: f.dueOn,
          source: rule.source,
        };
      }),
    );
}

/** A contract's deadlines on asOf (YYYY-MM-DD): retainage caps and floors, Ontario's holdback and its annual release. */
export function contractDeadlines(contract: ContractFacts, asOf: string, locale: string | null | undefined): Deadline[] {
  return run(
    RULES.filter((r) => r.on === 'contract'),
    contract,
    null,
    asOf,
    locale,
  );
}

/**
 * An invoice's deadlines on asOf: its contract's, plus the prompt-payment clocks once it is
 * submitted (and until it is paid).
 */
export function invoiceDeadlines(contract: ContractFacts, invoice: InvoiceFacts, asOf: string, locale: string | null | undefined): Deadline[] {
  return run(RULES, contract, invoice, asOf, locale);
}
