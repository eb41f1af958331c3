// The amount the owner certifies, approves or pays ("we can certify $412,000", "aprobamos
// 412.000,00", "nous certifions 412 000,00 €", "wire sent for $19,252.83"), in integer cents.
// Pure: no IO.
//
// Numbers are read whatever the locale: "412,000.00" (en-US, es-MX), "412.000,00" (es-ES),
// "412 000,00" and "412 000,00" with a (narrow) no-break space (fr), "250k". Amounts in a sentence
// that names a G703 line are that line's figure, not the certificate, and are not taken; nor are
// percentages, dates or reference numbers ("#004512", "Ref 88213").
import { isQuestion } from './lexicon';
import { fold, type Sentence, sentences } from './text';

export type CertifiedAmount = { cents: number; sentence: string; matched: string };

const CURRENCY = '(?:US\\$|\\$|€|£|USD|EUR|CAD|MXN)';
const AMOUNT = '\\d{1,3}(?:[ ,.\\u00a0\\u202f]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
const SUFFIX = '(?:\\s?(?:k|K|mil)(?![\\p{L}]))?';
const AFTER = '(?:\\s?(?:\\$|€|£|USD|EUR|CAD|MXN|euros?|dollars?|d[oó]lares|pesos)(?![\\p{L}]))?';
const MONEY = new RegExp(`(${CURRENCY}\\s?)?(${AMOUNT})(${SUFFIX})(${AFTER})`, 'gu');

// Words that make an amount the certificate or the payment, strongest first.
const CUES: RegExp[] = [
  /(?<![a-z])(certif\w*)/,
  /(?<![a-z])(approv\w*|aprob\w*|aprueb\w*|approuv\w*|valid(?:e|ee|ons|ons)\b|in the amount of|por un importe de|pour un montant de)/,
  /(?<![a-z])(pay|paid|will pay|pagar\w*|pagaremos|pagamos|payment|paiement|regl\w*|wire\w*|wired|transfer\w*|transferencia|virement|vire|viree|deposit\w*|ach|remit\w*|liberamos|released)(?![a-z])/,
];

/** "412.000,00" → 41200000; "19,252.83" → 1925283; "18.500" → 1850000; null when not a number. */
export function parseAmountCents(raw: string, multiplier = 1): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, (m) => (m === ' ' || m === '\u00a0' || m === '\u202f' ? '_' : m));
  let intPart = s;
  let frac = '';
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep >= 0) {
    const after = s.slice(lastSep + 1);
    const sep = s[lastSep]!;
    const count = s.split(sep).length - 1;
    const isDecimal = after.length <= 2 && !(count > 1);
    if (isDecimal) {
      intPart = s.slice(0, lastSep);
      frac = after;
    }
  }
  const digits = intPart.replace(/[_.,]/g, '');
  if (!/^\d+$/.test(digits) || !/^\d*$/.test(frac)) return null;
  const cents = Number(digits) * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents * multiplier)) return null;
  return cents * multiplier;
}

type Candidate = { cents: number; at: number; matched: string };

function candidatesIn(s: Sentence): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(MONEY)) {
    const [whole, before, number, suffix, after] = [m[0], m[1] ?? '', m[2]!, (m[3] ?? '').trim(), (m[4] ?? '').trim()];
    const at = m.index!;
    const prev = s.text.slice(Math.max(0, at - 6), at);
    const next = s.text.slice(at + whole.length, at + whole.length + 2);
    if (/[#º°/]\s*$|n[oº°]\.?\s*$|ref\.?\s*$/i.test(prev) || /^\s?%|^\/|^-\d/.test(next) || /\/$/.test(prev)) continue;
    const hasCurrency = before !== '' || after !== '' || suffix !== '';
    const multiplier = /^(k|mil)$/i.test(suffix) ? 1000 : 1;
    const cents = parseAmountCents(number, multiplier);
    if (cents === null) continue;
    const isGrouped = /\d[ ,.\u00a0\u202f]\d{3}/.test(number) || /[.,]\d{2}$/.test(number);
    if (!hasCurrency && !isGrouped) continue; // "line 12", "3 days", "2025"
    out.push({ cents, at, matched: whole.trim() });
  }
  return out;
}

const LINE_WORD = /(?<![a-z])(lines?|items?|partidas?|lineas?|renglon|conceptos?|lignes?|postes?)\s*\d/;

/** The first amount in the sentence with the strongest cue; null when the reply certifies none. */
export function findCertifiedAmount(text: string): CertifiedAmount | null {
  const pool = sentences(text.normalize('NFC')).filter((s) => !isQuestion(s.text) && !LINE_WORD.test(fold(s.text)));
  for (const cue of CUES) {
    for (const s of pool) {
      if (!cue.test(fold(s.text))) continue;
      const [first] = candidatesIn(s);
      if (first) return { cents: first.cents, sentence: s.text, matched: first.matched };
    }
  }
  return null;
}
