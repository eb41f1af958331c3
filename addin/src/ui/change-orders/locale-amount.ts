// An amount typed the way the pane's language writes money ("1,234.56" in English, "1.234,56" in
// Spanish, "1 234,56" in French), turned into the form shared/money.ts parses, so one set of rules
// (grouping by three, at most 2 decimals, accounting negatives, range) decides what is an amount.
import { parseMoneyInput, type MoneyParseResult } from '@shared/money';
import type { Locale } from '@shared/i18n/locales';

/** The group and decimal separators of a language, as Intl formats numbers for it. */
export function separatorsOf(locale: Locale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale).formatToParts(1234567.5);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

const GROUP_MARK = '\u0001';

/**
 * Text typed in `locale` → integer cents, or the shared parser's error (its message quotes what
 * the user typed). A currency sign ($ or €) before or after the number is ignored. Where the comma
 * is the decimal mark, "1234.56" is refused rather than guessed (it could mean 123,456).
 */
export function parseLocaleMoney(text: string, locale: Locale): MoneyParseResult {
  const typed = text.trim();
  const body = typed.replace(/^([-+(]?)\s*[$€]\s*/, '$1').replace(/\s*[$€]\s*(\)?)$/, '$1');
  const { group, decimal } = separatorsOf(locale);
  if (decimal === '.') return quoting(parseMoneyInput(body), typed);
  const grouped = /^[\s\u00a0\u202f]$/.test(group) ? body.replace(/(\d)[\s\u00a0\u202f](?=\d)/g, `$1${GROUP_MARK}`) : body.replaceAll(group, GROUP_MARK);
  if (grouped.includes('.')) return { ok: false, code: 'NOT_A_NUMBER', message: `'${typed}' is not an amount` };
  return quoting(parseMoneyInput(grouped.replaceAll(decimal, '.').replaceAll(GROUP_MARK, ',')), typed);
}

/** The shared parser's error, quoting the text as typed rather than as rewritten. */
function quoting(result: MoneyParseResult, typed: string): MoneyParseResult {
  if (result.ok || result.code !== 'NOT_A_NUMBER') return result;
  return { ...result, message: `'${typed}' is not an amount` };
}
