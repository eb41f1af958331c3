// Labels in English, Spanish and French. The language follows Office's display language
// (Office.context.displayLanguage, e.g. "es-ES"), then the browser's, then English.
import { en } from './en';
import type { MessageKey, Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { localeNames, toLocale, type Locale } from '@shared/i18n/locales';

/** The pane's language: one of the product's locales (shared/i18n/locales.ts). */
export type Lang = Locale;
export type { MessageKey, Messages };
export type Params = Record<string, string | number>;
/** Keys that come in _one / _other forms, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

export const languages: Record<Lang, Messages> = { en, es, fr };
export const languageNames = localeNames;

/** "es-MX" → "es"; anything we have no labels for → null. */
export const toLang = toLocale;

/** Office's display language when running in Office, else the browser's, else English. */
export function detectLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const fromOffice = toLang(office?.context?.displayLanguage);
  if (fromOffice) return fromOffice;
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  for (const tag of nav?.languages ?? [nav?.language]) {
    const lang = toLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(languages[lang][key] ?? en[key], params);
}

/** Plural-aware: picks `<key>_one` or `<key>_other` with the language's plural rules. */
export function translatePlural(lang: Lang, key: PluralKey, count: number, params: Params = {}): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return translate(lang, `${key}_${form}` as MessageKey, { ...params, count: formatCount(lang, count) });
}

export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : lang).format(n);
}

/** "2026-10-31" → "Oct 31, 2026" / "31 oct 2026" / "31 oct. 2026"; the date is a calendar date, not an instant. */
export function formatDate(lang: Lang, isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}
