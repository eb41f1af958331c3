// Classifies a reply to an invoice email as approval / rejection / other, in English, Spanish and
// French. A suggestion shown beside the reply; an invoice admin changes the status. Pure: no IO.
//
// Rules, in order:
// 1. Only the reply itself counts: pass the stripped reply (no quoted history).
// 2. Any rejection signal wins ("Approved, but please fix line 12" is a rejection): explicit
//    rejection words, requests to fix/correct, and NEGATED approvals ("not approved", "no aprobado",
//    "pas approuvée", "je n'approuve pas").
// 3. A temporally negated approval ("not yet approved", "todavía no aprobado", "pas encore
//    approuvée") is pending, neither approval nor rejection.
// 4. Otherwise an approval word makes it an approval; else "other".

export type ReplyKind = 'approval' | 'rejection' | 'other';

export type ReplyClassification = {
  kind: ReplyKind;
  /** rejection: the line that carries the reason ("Rejected – see line 12"); null otherwise */
  reason: string | null;
  /** the words that decided it, as written in the reply; null for "other" */
  matched: string | null;
};

// Patterns run on folded text: lower case, accents removed, curly apostrophes straightened.
// (?<![a-z]) / (?![a-z]) are word boundaries that also hold next to digits and punctuation.
const W = (body: string) => new RegExp(`(?<![a-z])(?:${body})(?![a-z])`, 'g');

const APPROVAL = W(
  [
    // en: approve/approved/approves/approving, accepted (not "approval": "pending approval" is not one)
    'approv(?:e|ed|es|ing)',
    'accepted',
    'ok(?:ay)? to pay',
    'good to pay',
    // es: aprobado(s)/aprobada(s)/aprobamos, apruebo/aprueba/aprueban, visto bueno, conforme
    'aprob(?:ado|ada|ados|adas|amos)',
    'aprueb(?:o|a|an)',
    'visto bueno',
    'conforme',
    'aceptad(?:o|a|os|as)',
    // fr: approuvé(e)(s), j'approuve, nous approuvons, validé(e)(s), bon pour accord, accepté(e)(s)
    'approuv(?:e|ee|es|ees|ons)',
    'valid(?:e|ee|es|ees)',
    'bon pour accord',
    'accept(?:e|ee|es|ees)',
  ].join('|'),
);

const REJECTION = W(
  [
    // en
    'reject(?:ed|s|ing)?',
    'declin(?:e|ed|es|ing)',
    'revise and resubmit',
    'please (?:fix|correct|revise|resubmit|amend)',
    // es
    'rechaz(?:ado|ada|ados|adas|amos|o|a|an)',
    'devuelt(?:o|a)',
    '(?:por favor|favor de)(?: ,)? (?:corrij\\w*|correg\\w*|revis\\w*)',
    'no conforme',
    // fr
    'refus(?:e|ee|es|ees|ons)',
    'rejet(?:e|ee|es|ees|ons)',
    '(?:merci de|veuillez|priere de) (?:corriger|reviser|modifier)',
    'non conforme',
  ].join('|'),
);

const NEGATIONS = new Set(['not', 'no', 'never', 'non', 'pas', 'ne', 'jamais', 'nunca', 'sin', 'cannot', 'nor', 'ni']);
const TEMPORAL = new Set(['yet', 'still', 'todavia', 'aun', 'encore', 'pending']);
const MAX_LINES = 20;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

type Negation = 'none' | 'negated' | 'pending';

/** Looks at the three words before an approval word, and the one after ("n'approuve pas"). */
function negationOf(folded: string, start: number, end: number): Negation {
  const before = folded.slice(Math.max(0, start - 40), start);
  const words = before.split(/[^a-z']+/).filter(Boolean).slice(-3);
  const after = folded.slice(end, end + 12).split(/[^a-z']+/).filter(Boolean)[0] ?? '';
  const isNegated =
    words.some((w) => NEGATIONS.has(w) || w.endsWith("n't") || w === "n'") ||
    /(?:^|[^a-z])n'$/.test(before) || // "n'approuve"
    after === 'pas';
  if (!isNegated) return 'none';
  return words.some((w) => TEMPORAL.has(w)) || after === 'encore' ? 'pending' : 'negated';
}

/** A line that is only the keyword ("Rechazada.") gives its reason on the next non-empty line. */
function reasonFrom(lines: string[], index: number, matched: string): string {
  const line = lines[index]!.trim();
  const rest = foldText(line).replace(foldText(matched), '').replace(/[^a-z0-9]/g, '');
  if (rest.length >= 3) return line;
  const next = lines.slice(index + 1).find((l) => l.trim() !== '');
  return next ? `${line} ${next.trim()}` : line;
}

export function classifyReply(text: string): ReplyClassification {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let approval: { matched: string } | null = null;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < MAX_LINES; i++) {
    const original = lines[i]!;
    if (original.trim() === '' || /^\s*>/.test(original)) continue;
    seen++;
    const folded = foldText(original);
    for (const m of folded.matchAll(REJECTION)) {
      return { kind: 'rejection', reason: reasonFrom(lines, i, m[0]), matched: sliceOriginal(original, m[0]) };
    }
    for (const m of folded.matchAll(APPROVAL)) {
      const negation = negationOf(folded, m.index!, m.index! + m[0].length);
      if (negation === 'negated') {
        return { kind: 'rejection', reason: reasonFrom(lines, i, m[0]), matched: sliceOriginal(original, m[0]) };
      }
      if (negation === 'none' && !approval) approval = { matched: sliceOriginal(original, m[0]) };
    }
  }
  return approval ? { kind: 'approval', reason: null, matched: approval.matched } : { kind: 'other', reason: null, matched: null };
}

/** The matched words as the sender wrote them (with accents), found by folding the original line. */
function sliceOriginal(original: string, foldedMatch: string): string {
  const chars = [...original];
  const foldedChars = chars.map((c) => foldText(c));
  const joined = foldedChars.join('');
  const at = joined.indexOf(foldedMatch);
  if (at < 0) return foldedMatch;
  let pos = 0;
  let startChar = -1;
  for (let k = 0; k < chars.length; k++) {
    if (pos === at) startChar = k;
    pos += foldedChars[k]!.length;
    if (startChar >= 0 && pos >= at + foldedMatch.length) return chars.slice(startChar, k + 1).join('');
  }
  return foldedMatch;
}
