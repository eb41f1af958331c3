// The product's languages: one list for the task pane, the workbook, the invoice PDF and email.

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language's own name, for language pickers. */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** A language tag's product language ("es-MX" → "es"); null when there are no labels for it. */
export function toLocale(tag: string | null | undefined): Locale | null {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return isLocale(base) ? base : null;
}
