// The pane's general labels (sign-in, picker, status line, tabs…) in English, Spanish and French.
// The language follows Office's display language (Office.context.displayLanguage, e.g. "es-ES"),
// then the browser's, then English.
//
// These labels are one defineLabels catalogue (shared/i18n/define-labels.ts) of flat keys with
// {name} placeholders, read through `t('key', params)` / `tn('key', count)` (i18n-context.tsx).
// They stay flat so the ~140 `t('key')` call sites, which other features' components are edited
// around, do not have to change; new features write their own structured catalogue next to them
// (e.g. addin/src/ui/emails/labels.ts) instead of adding keys here.
import { defineLabels, formatCount, plural } from '@shared/i18n/define-labels';
import { localeNames, toLocale, type Locale } from '@shared/i18n/locales';
import { en } from './en';
import type { MessageKey, Messages } from './en';
import { es } from './es';
import { fr } from './fr';

/** The pane's language: one of the product's locales (shared/i18n/locales.ts). */
export type Lang = Locale;
export type { MessageKey, Messages };
export type Params = Record<string, string | number>;
/** Keys that come in _one / _other forms, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

export const paneLabels = defineLabels<Messages>({ en, es, fr });
export const languageNames = localeNames;
export { formatCount };

/** Office's display language when running in Office, else the browser's, else English. */
export function detectLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const fromOffice = toLocale(office?.context?.displayLanguage);
  if (fromOffice) return fromOffice;
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  for (const tag of nav?.languages ?? [nav?.language]) {
    const lang = toLocale(tag);
    if (lang) return lang;
  }
  return 'en';
}

function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(paneLabels(lang)[key], params);
}

/** Plural-aware: `<key>_one` or `<key>_other` by the language's plural rules (plural()), {count} formatted for it. */
export function translatePlural(lang: Lang, key: PluralKey, count: number, params: Params = {}): string {
  const form = (suffix: 'one' | 'other') => (shown: string) => translate(lang, `${key}_${suffix}` as MessageKey, { ...params, count: shown });
  return plural(lang, count, { one: form('one'), other: form('other') });
}

/** "2026-10-31" → "Oct 31, 2026" / "31 oct 2026" / "31 oct. 2026"; the date is a calendar date, not an instant. */
export function formatDate(lang: Lang, isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}
