// The product's one way to write translated text: a feature's labels are ONE typed object per
// locale (plain strings, or small functions for text with values in it), written next to each
// other in a single file, and picked with the catalogue this returns. English is the reference:
// `T` is usually `typeof en`, so a Spanish or French set missing a label does not compile.
// Used by the task pane (through useLabels), the workbook sheets, the invoice PDF and email.
// addin/src/i18n/catalogues.test.ts checks what the types cannot: the values a label shows.
import { toLocale, type Locale } from './locales';

export type Catalogue<T> = {
  /** the labels for a language tag ("es-MX" → es); English when there are none for it */
  (locale: string | null | undefined): T;
  readonly byLocale: Readonly<Record<Locale, T>>;
};

export function defineLabels<T>(byLocale: Record<Locale, T>): Catalogue<T> {
  const pick = (locale: string | null | undefined): T => byLocale[toLocale(locale) ?? 'en'];
  return Object.assign(pick, { byLocale });
}

/** A count as the language writes it: "1,234" / "1.234" / "1 234". */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale).format(n);
}

/**
 * One of two forms by the language's plural rules ("1 line" / "2 lines"); `n` is formatted for the
 * locale (formatCount). French treats 0 and 1 as singular (Intl.PluralRules).
 */
export function plural(locale: Locale, n: number, forms: { one: (n: string) => string; other: (n: string) => string }): string {
  const shown = formatCount(locale, n);
  return new Intl.PluralRules(locale).select(n) === 'one' ? forms.one(shown) : forms.other(shown);
}
