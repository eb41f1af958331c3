// What Excel stores when a user TYPES text into a cell: it converts by the user's locale before
// any add-in sees `values`. "5%" becomes 0.05 shown as a percentage, "1/2" becomes a date serial,
// "$5" is 5, "(5)" is −5, and in es-ES / fr-FR the comma is the decimal separator ("1.234,50",
// "1 234,50"). Text Excel cannot read as a number stays text ("12,34x", "-").
// Sources: Range.values — "If the returned value starts with a plus ("+"), minus ("-"), or equal
// sign ("="), Excel interprets this value as a formula"
// (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
// typing "10%" "automatically applies percentage formatting" (Microsoft Support, "Format numbers
// as percentages"); dates typed as m/d (en-US) or d/m (es-ES, fr-FR) become serial numbers with a
// date format (Microsoft Support, "Enter a date or time"); the decimal and thousands separators
// come from the regional settings (Microsoft Support, "Change the character used to separate
// thousands or decimals"); ../shared/reports/officejs.md finding 14.

export type Scalar = string | number | boolean;
export type Typed = { value: Scalar; numberFormat?: string };

type Seps = { decimal: string; thousands: RegExp; dayFirst: boolean };

const SEPARATORS: Record<string, Seps> = {
  en: { decimal: '.', thousands: /,/g, dayFirst: false },
  es: { decimal: ',', thousands: /\./g, dayFirst: true },
  fr: { decimal: ',', thousands: /[\s\u00a0\u202f]/g, dayFirst: true },
};

const sepsOf = (locale: string) => SEPARATORS[locale.slice(0, 2).toLowerCase()] ?? SEPARATORS.en;

/** Excel's serial day number (1900 date system): days since 1899-12-30. */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function number(text: string, s: Seps): number | null {
  const grouped =
    s.decimal === '.'
      ? /^\d{1,3}(,\d{3})+(\.\d+)?$/
      : s.decimal === ',' && s.thousands.source === '\\.'
        ? /^\d{1,3}(\.\d{3})+(,\d+)?$/
        : /^\d{1,3}([\s\u00a0\u202f]\d{3})+(,\d+)?$/;
  const plain = s.decimal === '.' ? /^(\d+)?(\.\d+)?$/ : /^(\d+)?(,\d+)?$/;
  if (!/\d/.test(text) || !(grouped.test(text) || plain.test(text))) return null;
  return Number(text.replace(s.thousands, '').replace(s.decimal, '.'));
}

/**
 * A number typed WITHOUT a % sign into a cell already formatted as a percentage: Excel's "Enable
 * automatic percent entry" (on by default) reads it as a percent. Microsoft KB 215203 ("XL: Automatic
 * percent entry"): "All numbers greater than or equal to 1: just add % sign" (12 → 12%, stored 0.12);
 * "All numbers less than 1 and not preceded with a zero: multiply by 100" (.25 → 25%, stored 0.25);
 * one typed with a leading zero is a percent below 1 ("0.1" → 0.10%, stored 0.001), the documented
 * way to enter values under 1% (Application.AutoPercentEntry,
 * https://learn.microsoft.com/office/vba/api/excel.application.autopercententry).
 */
function autoPercent(body: string, n: number): number {
  if (Math.abs(n) >= 1 || /^[+-]?0[.,]/.test(body)) return n / 100;
  return n;
}

export function typedInput(input: string, locale = 'en-US', year = new Date().getFullYear(), cellFormat = 'General'): Typed {
  const s = sepsOf(locale);
  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^(vrai|faux|verdadero|falso)$/i.test(t)) return { value: /^(vrai|verdadero)$/i.test(t) };
  const paren = /^\((.*)\)$/.exec(t);
  const body = paren ? paren[1] : t;
  const signed = /^([+-]?)(.*)$/.exec(body)!;
  const sign = (paren ? -1 : 1) * (signed[1] === '-' ? -1 : 1);
  let rest = signed[2];
  if (paren && signed[1]) return { value: input };
  let format: string | undefined;
  if (/^[$€]|[$€]$/.test(rest.trim())) {
    rest = rest.replace(/[$€]/, '').trim();
    format = s.decimal === '.' ? '$#,##0.00' : '#,##0.00 €';
  }
  if (rest.endsWith('%') && !format) {
    const n = number(rest.slice(0, -1).trim(), s);
    // A cell already formatted as a percentage keeps its format (e.g. 0.00%); General becomes 0%.
    if (n !== null) return { value: (sign * n) / 100, ...(/%/.test(stripLiterals(cellFormat)) ? {} : { numberFormat: '0%' }) };
    return { value: input };
  }
  const n = number(rest, s);
  if (n !== null && !format && /%/.test(stripLiterals(cellFormat))) return { value: autoPercent(t, sign * n) };
  if (n !== null) return { value: sign * n, ...(format ? { numberFormat: format } : {}) };
  // m/d or d/m (with an optional year): a date serial shown as a date
  const date = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?$/.exec(t);
  if (date) {
    const [a, b] = [Number(date[1]), Number(date[2])];
    const [month, day] = s.dayFirst ? [b, a] : [a, b];
    const y = date[3] ? (date[3].length === 2 ? 2000 + Number(date[3]) : Number(date[3])) : year;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { value: dateSerial(y, month, day), numberFormat: s.dayFirst ? 'd-mmm' : 'd-mmm' };
  }
  return { value: input };
}

/** The text Excel displays for a value under a number format (Range.text), for the few formats the double produces. */
export function displayText(value: Scalar, numberFormat: string): string {
  if (typeof value !== 'number') return String(value);
  if (/%/.test(stripLiterals(numberFormat))) {
    const decimals = /0\.(0+)%/.exec(numberFormat)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (isDateFormat(numberFormat)) {
    const d = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  return String(value);
}

const stripLiterals = (f: string) => f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');

/** A date/time number format: d, m, y, h or s tokens outside quoted literals (General has none). */
export const isDateFormat = (f: string) => f !== 'General' && /[dmyhs]/i.test(stripLiterals(f).replace(/General/gi, ''));
