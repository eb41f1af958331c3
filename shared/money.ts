// Integer money helpers. Units: cents (integer), basis points (10% = 1000), quantities in
// ten-thousandths of a unit, unit prices in ten-thousandths of a dollar. Every product of two
// such integers is rounded once, half away from zero. When the product provably fits in a double's
// exact integer range (|product| ≤ 2^53 − 1) it is taken in plain numbers (roundDivSafe); only
// larger products go through BigInt (roundDiv). Both give the same result to the cent
// (shared/money.test.ts compares them on random inputs around the 2^53 boundary).

/**
 * numerator ÷ denominator rounded half AWAY from zero (623.445 → 623.45, −0.005 → −0.01).
 * The one rounding rule of the product: never banker's rounding, never floats.
 */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('roundDiv: division by zero');
  // Normalise so the denominator is positive; the sign of the result is then the numerator's.
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // BigInt division truncates toward zero
  const remainder = n % d; // same sign as n
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n >= d) return n < 0n ? quotient - 1n : quotient + 1n;
  return quotient;
}

/**
 * roundDiv for numbers: n a safe integer, d a positive safe integer. Exact: n % d is exact for
 * integers, n − r is a multiple of d no larger than |n|, so the division is exact too.
 */
export function roundDivSafe(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  // `+ 0` turns −0 (from −0 or a small negative n) into 0, as the BigInt path returns.
  if ((r < 0 ? -r : r) * 2 >= d) return n < 0 ? q - 1 : q + 1;
  return q + 0;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * a × b ÷ d rounded half away from zero (d > 0) in numbers when the product is exact in a double:
 * a rounded product above 2^53 − 1 means the exact one is ≥ 2^53, so the test never lets an
 * inexact product through. Returns null when the caller must take the BigInt path.
 */
function mulRoundDivFast(a: number, b: number, d: number): number | null {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return null;
  const product = a * b;
  if (product > MAX_SAFE || product < -MAX_SAFE) return null;
  return roundDivSafe(product, d);
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} (${value}) is beyond Number.MAX_SAFE_INTEGER`);
  }
  return Number(value);
}

function toBig(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** round(cents × bps / 10 000): a rate (basis points) applied to an amount, to the cent. */
export function applyBps(cents: number, bps: number): number {
  const fast = mulRoundDivFast(cents, bps, 10_000);
  if (fast !== null) return fast;
  const product = toBig(cents, 'cents') * toBig(bps, 'bps');
  return toSafeNumber(roundDiv(product, 10_000n), 'applyBps result');
}

/**
 * Cents for a quantity: qty (ten-thousandths of a unit) × unit price (ten-thousandths of a dollar)
 * is in 10^-8 dollars = 10^-6 cents, hence round(qty × price / 10^6).
 */
export function amountForQty(qty: number, unitPrice: number): number {
  const fast = mulRoundDivFast(qty, unitPrice, 1_000_000);
  if (fast !== null) return fast;
  const product = toBig(qty, 'qty') * toBig(unitPrice, 'unitPrice');
  return toSafeNumber(roundDiv(product, 1_000_000n), 'amountForQty result');
}

/** part ÷ whole as a percentage with 2 decimals, half away from zero; "0.00" when whole is 0. */
export function percentDisplay(part: number, whole: number): string {
  if (whole === 0) return '0.00';
  if (Number.isSafeInteger(whole)) {
    const fast = mulRoundDivFast(whole < 0 ? -part : part, 10_000, whole < 0 ? -whole : whole);
    if (fast !== null) return formatHundredths(fast);
  }
  // hundredths of a percent = part × 10 000 / whole (623445 / 2000000 → 3117.225 → 3117 → "31.17")
  const hundredths = roundDiv(toBig(part, 'part') * 10_000n, toBig(whole, 'whole'));
  return formatScaled(hundredths, 2, '', '.');
}

// Digits of a scaled integer, exactly: no float division.
function formatScaled(value: bigint, decimals: number, group: string, decimalSep: string): string {
  const isNegative = value < 0n;
  return formatDigits(isNegative, (isNegative ? -value : value).toString(), decimals, group, decimalSep);
}

// percentDisplay's output on every line of every invoice: two divisions and one concatenation
// instead of pad/slice/replace.
function formatHundredths(value: number): string {
  const abs = value < 0 ? -value : value;
  const frac = abs % 100;
  return (value < 0 ? '-' : '') + (abs - frac) / 100 + (frac < 10 ? '.0' : '.') + frac;
}

// A safe integer's digits need no BigInt: String() of a safe integer is exact.
function formatSafe(value: number, decimals: number, group: string, decimalSep: string): string {
  const isNegative = value < 0;
  return formatDigits(isNegative, String(isNegative ? -value : value), decimals, group, decimalSep);
}

function formatDigits(isNegative: boolean, absDigits: string, decimals: number, group: string, decimalSep: string): string {
  const digits = absDigits.padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  const grouped = group === '' ? intPart : intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (isNegative ? '-' : '') + grouped + (decimals > 0 ? decimalSep + fracPart : '');
}

// Separators and the dollar sign's place for the product's languages; anything else is English.
const NUMBER_STYLES: Record<string, { group: string; decimal: string; isSymbolFirst: boolean }> = {
  en: { group: ',', decimal: '.', isSymbolFirst: true },
  es: { group: '.', decimal: ',', isSymbolFirst: false },
  fr: { group: '\u202f', decimal: ',', isSymbolFirst: false },
};

const styleOf = (locale: string) => NUMBER_STYLES[locale.slice(0, 2).toLowerCase()] ?? NUMBER_STYLES.en;

/** Cents for display: 123456 → "1,234.56", −1 → "-0.01" (es: "1.234,56", fr: "1 234,56"). */
export function formatCents(cents: number, locale = 'en'): string {
  const style = styleOf(locale);
  if (!Number.isSafeInteger(cents)) toBig(cents, 'cents'); // throws the same RangeError as before
  return formatSafe(cents, 2, style.group, style.decimal);
}

/** US dollars for display: "$1,234.56", "-$0.01" (en), "1.234,56 $" (es), "1 234,56 $" (fr). */
export function formatMoney(cents: number, locale = 'en'): string {
  const figures = formatCents(Math.abs(cents), locale);
  const sign = cents < 0 ? '-' : '';
  return styleOf(locale).isSymbolFirst ? `${sign}$${figures}` : `${sign}${figures} $`;
}

/** Quantity (ten-thousandths) for display, trailing zeros dropped: 10505000 → "1,050.5". */
export function formatQty(qty: number): string {
  if (!Number.isSafeInteger(qty)) toBig(qty, 'qty');
  return formatSafe(qty, 4, ',', '.').replace(/\.?0+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Input parsing (values read from Excel cells or typed by a user).

export type InputErrorCode = 'NOT_A_NUMBER' | 'TOO_MANY_DECIMALS' | 'OUT_OF_RANGE' | 'EMPTY';
export type InputError = { ok: false; code: InputErrorCode; message: string };
export type MoneyParseResult = { ok: true; cents: number } | InputError;
export type QtyParseResult = { ok: true; qty: number } | InputError;
export type PercentParseResult = { ok: true; bps: number } | InputError;

type InputSpec = {
  maxDecimals: number;
  noun: string; // "an amount"
  decimalsHint: string; // "amounts are in cents"
  allowCurrency: boolean; // "$1,234.56"
  allowPercentSuffix: boolean; // "45.5%"
  allowNegative: boolean;
  /** how text writes numbers ("es": 1.234,56; "fr": 1 234,56); English when absent */
  locale?: string;
};

/** Options of the input parsers: the locale of numbers written as text (a cell holding "1.234,50"). */
export type InputOptions = { locale?: string };

type Scaled = { ok: true; value: bigint } | InputError;

// A plain decimal: sign, digits, point, digits, and (only from String(number)) an exponent.
const CANONICAL = /^(-)?(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i;

/** Exact decimal → integer scaled by 10^maxDecimals; null when the text is not a decimal. */
function scaleDecimal(text: string, maxDecimals: number): { value: bigint } | 'too_many' | null {
  const m = CANONICAL.exec(text);
  if (!m) return null;
  const [, minus, intDigits, fracDigits = '', exponent] = m;
  if (intDigits === '' && fracDigits === '') return null;
  let digits = intDigits + fracDigits;
  // position of the decimal point inside `digits`, after applying the exponent (1.5e21 → 22)
  const point = intDigits.length + (exponent ? Number(exponent) : 0);
  // trailing zeros after the point do not count as decimals ("1.230" is 1.23)
  while (digits.length > point && digits.endsWith('0')) digits = digits.slice(0, -1);
  const decimals = digits.length - point; // may be negative (1.5e21)
  if (decimals > maxDecimals) return 'too_many';
  const magnitude = BigInt(digits === '' ? '0' : digits) * 10n ** BigInt(maxDecimals - decimals);
  return { value: minus ? -magnitude : magnitude };
}

// What a user types: "1,234.56", "$1,234.56", "(1,234.56)", "-5", " 12 ", "45.5%".
// Thousands separators must group by three ("1,234" yes, "12,34" no).
const TYPED = /^([+-])?\s*(\$)?\s*([+-])?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?\s*(%)?$/;

function parseScaled(value: unknown, spec: InputSpec): Scaled {
  if (value === null || value === undefined) return emptyError(spec);
  let canonical: string;
  let shown: string;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { ok: false, code: 'NOT_A_NUMBER', message: `NaN is not ${spec.noun}` };
    if (!Number.isFinite(value)) return outOfRange(String(value), spec);
    // The number's shortest round-trip decimal, never value × 100 (0.07 × 100 = 7.000000000000001).
    canonical = String(value);
    shown = canonical;
  } else if (typeof value === 'string') {
    shown = value.trim();
    if (shown === '') return emptyError(spec);
    const typed = typedToCanonical(inEnglishNotation(shown, spec.locale), spec);
    if (typed === null) return notANumber(shown, spec);
    canonical = typed;
  } else {
    return notANumber(String(value), spec);
  }
  const scaled = scaleDecimal(canonical, spec.maxDecimals);
  if (scaled === null) return notANumber(shown, spec);
  if (scaled === 'too_many') {
    const message = `${shown} has more than ${spec.maxDecimals} decimals; ${spec.decimalsHint}`;
    return { ok: false, code: 'TOO_MANY_DECIMALS', message };
  }
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (scaled.value > limit || scaled.value < -limit) return outOfRange(shown, spec);
  if (scaled.value < 0n && !spec.allowNegative) {
    return { ok: false, code: 'OUT_OF_RANGE', message: `${shown} is negative; ${spec.noun} cannot be below 0` };
  }
  return { ok: true, value: scaled.value };
}

/**
 * Text in a locale's notation rewritten in the English one the TYPED pattern reads, so every
 * other rule (grouping by three, decimals, signs) is the same code: "1.234,50" (es) and
 * "1 234,50" (fr, with a space, no-break or narrow no-break space) → "1,234.50"; a trailing
 * dollar sign as those locales write it ("1.234,50 $") moves in front.
 */
function inEnglishNotation(text: string, locale: string | undefined): string {
  const lang = locale?.slice(0, 2).toLowerCase();
  if (lang !== 'es' && lang !== 'fr') return text;
  let t = text;
  const trailing = /^(\(?)(.*?)\s*\$\s*(\)?)$/.exec(t);
  if (trailing && !/^\(?\$/.test(t.trimStart())) t = `${trailing[1]}$${trailing[2]}${trailing[3]}`;
  if (lang === 'es') return t.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
  return t.replace(/,/g, '.').replace(/(\d)[ \u00a0\u202f](?=\d)/g, '$1,');
}

function typedToCanonical(text: string, spec: InputSpec): string | null {
  let body = text;
  let isNegative = false;
  const paren = /^\((.*)\)$/.exec(body); // accounting negative: (1,234.56)
  if (paren) {
    body = paren[1].trim();
    isNegative = true;
  }
  const m = TYPED.exec(body);
  if (!m) return null;
  const [, signBefore, dollar, signAfter, intPart, fracPart = '', percent] = m;
  if (signBefore && signAfter) return null;
  const sign = signBefore ?? signAfter;
  if (sign && isNegative) return null; // "(-5)" is ambiguous
  if (dollar && !spec.allowCurrency) return null;
  if (percent && !spec.allowPercentSuffix) return null;
  if (intPart === '' && fracPart === '') return null; // "-", "$", "."
  if (sign === '-') isNegative = true;
  return `${isNegative ? '-' : ''}${intPart.replaceAll(',', '')}.${fracPart}`;
}

function emptyError(spec: InputSpec): InputError {
  return { ok: false, code: 'EMPTY', message: `The cell is empty; enter ${spec.noun}` };
}
function notANumber(shown: string, spec: InputSpec): InputError {
  return { ok: false, code: 'NOT_A_NUMBER', message: `'${shown}' is not ${spec.noun}` };
}
function outOfRange(shown: string, spec: InputSpec): InputError {
  return { ok: false, code: 'OUT_OF_RANGE', message: `${shown} is too large to be ${spec.noun}` };
}

const MONEY: InputSpec = {
  maxDecimals: 2,
  noun: 'an amount',
  decimalsHint: 'amounts are in cents',
  allowCurrency: true,
  allowPercentSuffix: false,
  allowNegative: true,
};

/** An amount from a cell (number) or typed text → integer cents. */
export function parseMoneyInput(value: unknown, options: InputOptions = {}): MoneyParseResult {
  const r = parseScaled(value, { ...MONEY, locale: options.locale });
  return r.ok ? { ok: true, cents: Number(r.value) } : r;
}

/** A quantity from a cell or typed text → integer ten-thousandths of a unit (max 4 decimals). */
export function parseQtyInput(value: unknown, options: InputOptions = {}): QtyParseResult {
  const r = parseScaled(value, {
    locale: options.locale,
    maxDecimals: 4,
    noun: 'a quantity',
    decimalsHint: 'quantities are in ten-thousandths of a unit',
    allowCurrency: false,
    allowPercentSuffix: false,
    allowNegative: true, // a negative quantity this period is a correction, like a negative E
  });
  return r.ok ? { ok: true, qty: Number(r.value) } : r;
}

/** A unit price from a cell or typed text → integer ten-thousandths of a dollar (max 4 decimals, "$" allowed). */
export function parseUnitPriceInput(value: unknown, options: InputOptions = {}): QtyParseResult {
  const r = parseScaled(value, {
    locale: options.locale,
    maxDecimals: 4,
    noun: 'a unit price',
    decimalsHint: 'unit prices are in ten-thousandths of a dollar',
    allowCurrency: true,
    allowPercentSuffix: false,
    allowNegative: true,
  });
  return r.ok ? { ok: true, qty: Number(r.value) } : r;
}

/**
 * "% complete" typed by a user → basis points (45.5 or "45.5%" → 4550), at most 2 decimals.
 * Never negative (a cumulative percentage); above 100 is accepted here and flagged by the engine
 * as overbilling. A number read from a cell formatted as a percentage holds the fraction (0.455):
 * pass { isFraction: true } for those.
 */
export function parsePercentInput(value: unknown, options?: { isFraction?: boolean } & InputOptions): PercentParseResult {
  const isFraction = options?.isFraction === true && typeof value === 'number';
  const r = parseScaled(value, {
    locale: options?.locale,
    maxDecimals: isFraction ? 4 : 2, // 0.4555 = 45.55%
    noun: 'a percentage',
    decimalsHint: 'percentages take at most 2 decimals (45.55%)',
    allowCurrency: false,
    allowPercentSuffix: true,
    allowNegative: false,
  });
  return r.ok ? { ok: true, bps: Number(r.value) } : r;
}

/** Strict decimal dollars from data files ("354563.00") → cents; throws on anything else. */
export function dollarsToCents(text: string): number {
  const r = parseMoneyInput(text);
  if (!r.ok) throw new Error(`dollarsToCents: ${r.message}`);
  return r.cents;
}
