// Which G703 lines a reply talks about, resolved against the invoice's own lines: "line 12",
// "lines 16 and 17", "lines 9 through 11", "partida 012", "las partidas 43 y 44", "ligne 7",
// "item 03-012" (a cost code), or a line's description ("the roofing membrane line"). Pure: no IO.
import { fold, type Sentence, sentences } from './text';

export type InvoiceLineRef = { lineId: string; itemNo: string; costCode?: string | null; description: string };
export type LineMention = { lineId: string; itemNo: string; description: string; sentence: string; matched: string };

const KEYWORD = '(?:lines?|items?|partidas?|lineas?|renglon(?:es)?|conceptos?|lignes?|postes?)';
const NUMBER = '\\d{1,4}(?:[.-]\\d{1,4})*';
const JOIN = '(?:\\s*,\\s*|\\s*&\\s*|\\s+(?:and|y|e|et|or|o|ou)\\s+)';
const RANGE = '\\s*(?:through|thru|to|a|al|hasta|a la|au|à|-|–)\\s*';
const MENTION = new RegExp(
  `(?<![a-z])${KEYWORD}\\s*(?:(?:no\\.?|n[°º]|#|number|numero)\\s*)?(${NUMBER}(?:(?:${JOIN}|${RANGE})${NUMBER})*)(?![\\d%]|\\s*%|[.,]\\d)`,
  'g',
);
const MAX_RANGE = 30;

function digitsOnly(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** "12" finds item 012 (numbers compare as numbers), "03-012" a cost code, else the item as written. */
function resolveNumber(raw: string, lines: readonly InvoiceLineRef[]): InvoiceLineRef | null {
  const n = digitsOnly(raw);
  return (
    lines.find((l) => fold(l.itemNo) === raw) ??
    (n === null ? undefined : lines.find((l) => digitsOnly(l.itemNo) === n)) ??
    lines.find((l) => l.costCode && fold(l.costCode) === raw) ??
    null
  );
}

function fromList(list: string, lines: readonly InvoiceLineRef[]): InvoiceLineRef[] {
  const out: InvoiceLineRef[] = [];
  const parts = list.split(new RegExp(JOIN));
  for (const part of parts) {
    const whole = resolveNumber(part.trim(), lines); // "03-012" is a cost code before it is a range
    if (whole) {
      out.push(whole);
      continue;
    }
    const range = new RegExp(`^(${NUMBER})${RANGE}(${NUMBER})$`).exec(part.trim());
    const lo = range ? digitsOnly(range[1]!) : null;
    const hi = range ? digitsOnly(range[2]!) : null;
    if (range && lo !== null && hi !== null && hi > lo && hi - lo <= MAX_RANGE) {
      for (const l of lines) {
        const n = digitsOnly(l.itemNo);
        if (n !== null && n >= lo && n <= hi) out.push(l);
      }
      continue;
    }
    for (const bit of part.trim().split(/\s+/)) {
      const l = resolveNumber(bit, lines);
      if (l) out.push(l);
    }
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Mentions in reading order, one per line (the first sentence that names it). */
export function findLineMentions(text: string, lines: readonly InvoiceLineRef[]): LineMention[] {
  if (lines.length === 0) return [];
  const out = new Map<string, LineMention>();
  const add = (l: InvoiceLineRef, s: Sentence, matched: string) => {
    if (!out.has(l.lineId)) out.set(l.lineId, { lineId: l.lineId, itemNo: l.itemNo, description: l.description, sentence: s.text, matched });
  };
  const descriptions = lines
    .map((l) => ({ l, d: fold(l.description).trim() }))
    .filter((x) => x.d.length >= 4)
    .sort((a, b) => b.d.length - a.d.length);
  for (const s of sentences(text.normalize('NFC'))) {
    const f = fold(s.text);
    for (const m of f.matchAll(MENTION)) {
      for (const l of fromList(m[1]!, lines)) add(l, s, s.text.slice(m.index!, m.index! + m[0].length));
    }
    // a cost code on its own ("03-012 exceeds its scheduled value")
    for (const l of lines) {
      if (l.costCode && /\d[-.]\d/.test(l.costCode) && new RegExp(`(?<![\\d-])${escapeRegExp(fold(l.costCode))}(?![\\d-])`).test(f)) add(l, s, l.costCode);
    }
    // a description: several words anywhere; a single word only next to "line"/"partida"/"ligne"
    for (const { l, d } of descriptions) {
      const at = new RegExp(`(?<![a-z])${escapeRegExp(d)}(?![a-z])`).exec(f);
      if (!at) continue;
      const isSingleWord = !/\s/.test(d);
      const around = f.slice(Math.max(0, at.index - 25), at.index + d.length + 25);
      if (isSingleWord && !new RegExp(`(?<![a-z])${KEYWORD}(?![a-z])`).test(around)) continue;
      add(l, s, s.text.slice(at.index, at.index + d.length));
    }
  }
  return [...out.values()];
}
