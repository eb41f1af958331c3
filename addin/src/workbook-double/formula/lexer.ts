// Tokens of a formula (without its leading "="). Hand-written: the double lexes every formula it
// is given (40,000 for a 5,000-line G703), so this is the hot path of a render.

import { ERROR_CODES, FormulaRefusal } from './ast';

export type TokenType = 'num' | 'str' | 'id' | 'sheet' | 'err' | 'op' | '(' | ')' | ',' | ':' | '!' | 'end';
export type Token = { t: TokenType; s: string };

/** "$D$8", "AB12", "d8": a cell reference as Excel writes it in A1 style. */
export const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 92 || c > 127;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57) || c === 46;
const isDigit = (c: number) => c >= 48 && c <= 57;
const REF_AFTER_ERROR = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/;

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      let j = i;
      while (j < n && isDigit(src.charCodeAt(j))) j++;
      if (src.charCodeAt(j) === 46) {
        j++;
        while (j < n && isDigit(src.charCodeAt(j))) j++;
      }
      const e = src.charCodeAt(j);
      if (e === 69 || e === 101) {
        let k = j + 1;
        if (src[k] === '+' || src[k] === '-') k++;
        if (isDigit(src.charCodeAt(k))) {
          while (k < n && isDigit(src.charCodeAt(k))) k++;
          j = k;
        }
      }
      out.push({ t: 'num', s: src.slice(i, j) });
      i = j;
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(src.charCodeAt(j))) j++;
      out.push({ t: 'id', s: src.slice(i, j) });
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      // "text" ("" is a quote) or 'sheet name' ('' is a quote)
      const q = src[i];
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= n) throw new FormulaRefusal(`unterminated ${q === '"' ? 'text' : 'sheet name'} in the formula`);
        if (src[j] === q) {
          if (src[j + 1] === q) {
            text += q;
            j += 2;
            continue;
          }
          break;
        }
        text += src[j++];
      }
      out.push({ t: q === '"' ? 'str' : 'sheet', s: text });
      i = j + 1;
      continue;
    }
    if (c === 35) {
      const code = ERROR_CODES.find((e) => src.startsWith(e, i) || src.slice(i, i + e.length).toUpperCase() === e);
      if (!code) throw new FormulaRefusal(`unknown error value "${src.slice(i, i + 8)}…"`);
      let j = i + code.length;
      // #REF!A1: Excel's text for a reference to a sheet that was deleted.
      const tail = code === '#REF!' ? REF_AFTER_ERROR.exec(src.slice(j)) : null;
      if (tail) j += tail[0].length;
      out.push({ t: 'err', s: src.slice(i, j) });
      i = j;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ t: 'op', s: two });
      i += 2;
      continue;
    }
    const one = src[i];
    if ('+-*/^&=<>%'.includes(one)) out.push({ t: 'op', s: one });
    else if (one === '(' || one === ')' || one === ',' || one === ':' || one === '!') out.push({ t: one, s: one });
    else throw new FormulaRefusal(`unexpected character "${one}" in the formula`);
    i++;
  }
  out.push({ t: 'end', s: '' });
  return out;
}

/**
 * The formula's shape: its text with every relative coordinate written as an offset from the
 * formula's cell (as R1C1 does), so =SUM(D8,E8) in row 8 and =SUM(D9,E9) in row 9 share one
 * parsed tree. One pass over the characters, no tokens: this runs for every formula written.
 * A word is a cell reference exactly when tokenize + the parser take it for one (CELL_REF, not
 * followed by "(" or "!"). Returns null for text it cannot key safely (then the caller parses).
 */
export function shapeKey(src: string, row: number, col: number): string | null {
  let key = '';
  let from = 0; // start of the text not yet copied into key
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 1) return null;
    if (c === 34 || c === 39) {
      // "text" or 'sheet': copied as it is ("" and '' inside are two quotes in a row)
      const q = c;
      i++;
      while (i < n) {
        if (src.charCodeAt(i) === q) {
          if (src.charCodeAt(i + 1) === q) i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (c === 35) {
      // #REF!A1 is one error value (tokenize), its letters and digits are not a reference
      i++;
      while (i < n && (isIdPart(src.charCodeAt(i)) || src[i] === '!' || src[i] === '/' || src[i] === '?' || src[i] === ':' || src[i] === '$')) i++;
      continue;
    }
    if (isDigit(c) || c === 46) {
      i++;
      while (i < n && (isIdPart(src.charCodeAt(i)) || ((src[i] === '+' || src[i] === '-') && (src[i - 1] === 'e' || src[i - 1] === 'E')))) i++;
      continue;
    }
    if (!isIdStart(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && isIdPart(src.charCodeAt(i))) i++;
    let j = i;
    while (j < n && src.charCodeAt(j) === 32) j++;
    const next = src.charCodeAt(j);
    if (next === 40 || next === 33) continue; // a function or a sheet name
    const ref = cellRefAt(src, start, i);
    if (ref === null) continue;
    const cc = ref.col;
    const r = ref.row;
    key += `${src.slice(from, start)}\u0001${ref.absCol ? `C${cc}` : `c${cc - col}`}${ref.absRow ? `R${r}` : `r${r - row}`}\u0001`;
    from = i;
  }
  return key + src.slice(from);
}

/**
 * src[start, end) as a cell reference (what CELL_REF matches: `$`? 1–3 letters `$`? digits), 0-based;
 * null if it is not one. Read in place: shapeKey runs for every formula written, and a slice and
 * a regex per name were a third of its time.
 */
function cellRefAt(src: string, start: number, end: number): { absCol: boolean; col: number; absRow: boolean; row: number } | null {
  let p = start;
  const absCol = src.charCodeAt(p) === 36;
  if (absCol) p++;
  let col = 0;
  const l0 = p;
  for (let c = src.charCodeAt(p); p < end && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)); c = src.charCodeAt(++p)) col = col * 26 + ((c | 32) - 96);
  if (p === l0 || p - l0 > 3) return null;
  const absRow = src.charCodeAt(p) === 36;
  if (absRow) p++;
  const d0 = p;
  while (p < end && isDigit(src.charCodeAt(p))) p++;
  if (p === d0 || p !== end) return null;
  // Number() as CELL_REF's callers read the digits (exact below 2^53, and the same rounding above)
  return { absCol, col: col - 1, absRow, row: Number(src.slice(d0, end)) - 1 };
}

export function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}
