// Percentages typed in the pane ↔ the API's basis points (shared/api/common.ts ZBps: 10% = 1000).
// String arithmetic only: 5.5 → 550 exactly, never through a float (0.1 * 3 style drift), and a
// value that basis points cannot hold (5.555%) is refused with a reason instead of rounded.
import type { Lang } from '../../i18n';

export type PercentProblem = 'required' | 'not_number' | 'too_precise' | 'range';
export type PercentParse = { ok: true; bps: number } | { ok: false; problem: PercentProblem };

/**
 * "5.5", "5,5", "5.5 %", "10", ".5", "100.00" → basis points. Either decimal separator is taken
 * (Spanish and French users type a comma); there are no thousands separators below 100%.
 * Trailing zeros past two decimals are harmless (5.550 = 555); a third significant decimal is not.
 */
export function parsePercent(text: string): PercentParse {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (t === '') return { ok: false, problem: 'required' };
  const m = /^(\d*)(?:[.,](\d*))?$/.exec(t);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, problem: 'not_number' };
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, problem: 'too_precise' };
  const whole = m[1] === '' ? 0 : Number(m[1]);
  if (m[1]!.replace(/^0+/, '').length > 3) return { ok: false, problem: 'range' };
  const bps = whole * 100 + Number(fraction.padEnd(2, '0'));
  if (bps > 10000) return { ok: false, problem: 'range' };
  return { ok: true, bps };
}

/** 550 → "5.5" (en) / "5,5" (es, fr): what the input shows for a stored rate. */
export function formatPercent(bps: number, lang: Lang): string {
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}${lang === 'en' ? '.' : ','}${fraction}` : String(whole);
}
