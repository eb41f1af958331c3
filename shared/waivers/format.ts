import type { Locale } from '../i18n/locales';
import { formatCents } from '../money';

/** What an empty blank prints: a line to write on, as on the paper form. */
export const BLANK = '____________________';

export const orBlank = (value: string | null | undefined) => (value?.trim() ? value.trim() : BLANK);

/** Figures without the dollar sign, which the statutory forms print themselves ("Amount of Check: $"). */
export const figures = (cents: number, locale: Locale = 'en') => formatCents(cents, locale);

/** YYYY-MM-DD → "November 30, 2026" / "30 de noviembre de 2026" / "30 novembre 2026" (the day as written, no time zone shift). */
export function longDate(iso: string | null | undefined, locale: Locale = 'en'): string {
  if (!iso) return BLANK;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const tag = locale === 'en' ? 'en-US' : locale;
  return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** The typed-name signature as printed: "/s/ Ana Ruiz" (the usual mark of a typed electronic signature). */
export const typedSignature = (name: string | null) => (name?.trim() ? `/s/ ${name.trim()}` : BLANK);
