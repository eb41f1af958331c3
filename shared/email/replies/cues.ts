// Finds the decision words in one sentence and what governs them: a negation ("not approved",
// "no podemos aprobarla", "nous ne pouvons pas approuver"), a pending or hypothetical frame ("not
// yet approved", "before we approve", "once approved", "I'll approve"), a request ("please fix").
// Pure: no IO.
import {
  APPROVE_PHRASES,
  CLAUSE_BREAKS,
  CONDITION,
  type CueKind,
  FUTURE,
  HYPOTHETICAL,
  NEGATORS,
  PAY_DONE,
  PAY_NOUN,
  PAYMENT,
  REJECT_PHRASES,
  TEMPORAL,
  REQUEST,
  RESUBMIT_PHRASES,
  STEM_CUES,
  TYPO_FORMS,
  isQuestion,
} from './lexicon';
import { isOneTypoAway, type Lang, stemsOf } from './stems';
import { fold, type Token, tokens } from './text';

/** isPending: temporal, future or hypothetical; isHypothetical alone is what stops a rejection. */
export type Frame = { isNegated: boolean; isPending: boolean; isHypothetical: boolean };
export type Cue = { kind: CueKind | 'payment'; start: number; end: number; frame: Frame; isRequested: boolean };
export type SentenceCues = {
  text: string;
  isQuestion: boolean;
  cues: Cue[];
  /** where a condition starts ("approved, subject to …"): what follows it is the condition, not a request */
  conditionAt: number | null;
  /** asked to bring a line to a figure ("please bring line 47 to 40%", "bajen la partida 47 al 40%") */
  asksLineFigure: boolean;
};

const WINDOW = 4;
const DETERMINERS = new Set(['a', 'an', 'the', 'any', 'un', 'una', 'el', 'la', 'le', 'une', 'les', 'los', 'las', 'this', 'that']);

function cueKindOf(t: Token): { kind: CueKind; lang: Lang | null } | null {
  if (!/\p{L}{3,}/u.test(t.word)) return null;
  const stems = stemsOf(t.word);
  for (const cue of STEM_CUES) {
    if (cue.notWords?.test(t.folded)) continue;
    const hit = stems[cue.lang].some((s) => cue.stems.some((c) => (cue.prefix ? s.startsWith(c) : s === c)));
    if (hit) return { kind: cue.kind, lang: cue.lang };
  }
  if (t.folded.length >= 6) {
    for (const { kind, forms } of TYPO_FORMS) if (forms.some((f) => isOneTypoAway(t.folded, f))) return { kind, lang: null };
  }
  return null;
}

/** Negation and pending words in the clause before token `i` (up to 4 words), and "yet" right after. */
export function frameAt(ts: Token[], i: number): Frame {
  let isNegated = false;
  let isPending = false;
  let isHypothetical = false;
  for (let j = i - 1; j >= 0 && j >= i - WINDOW; j--) {
    const w = ts[j]!.folded;
    if (CLAUSE_BREAKS.has(w)) break;
    if (NEGATORS.has(w) || w.endsWith("n't")) isNegated = true;
    if (TEMPORAL.has(w) || FUTURE.has(w) || w.endsWith("'ll") || w.endsWith("'d")) isPending = true;
    if (HYPOTHETICAL.has(w)) isHypothetical = isPending = true;
  }
  const next = ts[i + 1]?.folded;
  if (next === 'yet' || next === 'encore' || next === 'todavia' || next === 'aun') isPending = true;
  if (next === 'pas' && ts[i - 1]?.folded !== 'ne' && ts[i - 1]?.folded !== "n'") isNegated = true; // "validé pas" (spoken French)
  return { isNegated, isPending, isHypothetical };
}

/** An imperative or a participle after a determiner ("send a revised copy"), not a noun ("an update"). */
function isChangeRequested(ts: Token[], i: number, lang: Lang | null, sentenceHasRequest: boolean): boolean {
  const t = ts[i]!;
  const prev = ts[i - 1]?.folded;
  const isParticiple = /(ed|ad[oa]s?|id[oa]s?|ee?s?)$/.test(t.folded);
  if (prev && DETERMINERS.has(prev) && !isParticiple) return false;
  if (sentenceHasRequest) return true;
  // es: "corrijan", "quítenla" (not "se ajustan": a pronoun before it makes it a statement)
  if (lang === 'es') return /(an|en)(lo|la|los|las)?$/.test(t.folded) && prev !== 'se';
  if (lang === 'fr') return /ez(-\p{L}+)?$/u.test(t.folded) || /-(la|le|les|lo)$/.test(t.folded); // joignez, renvoie-la
  return lang === 'en' && (i === 0 || CLAUSE_BREAKS.has(prev!)); // "Fix line 12", "Attach the waivers"
}

/** The token index at a character offset (for phrase matches). */
function tokenAt(ts: Token[], offset: number): number {
  const k = ts.findIndex((t) => t.end > offset);
  return k < 0 ? ts.length - 1 : k;
}

export function cuesOf(sentence: string): SentenceCues {
  const ts = tokens(sentence);
  const folded = fold(sentence);
  const hasRequest = REQUEST.test(folded);
  const cues: Cue[] = [];
  ts.forEach((t, i) => {
    const found = cueKindOf(t);
    if (!found) return;
    const { kind, lang } = found;
    const isRequested = kind === 'change' ? isChangeRequested(ts, i, lang, hasRequest) : hasRequest;
    cues.push({ kind, start: t.start, end: t.end, frame: frameAt(ts, i), isRequested });
  });
  const phrases: Array<[RegExp, CueKind | 'payment']> = [
    [APPROVE_PHRASES, 'approve'],
    [REJECT_PHRASES, 'reject'],
    [RESUBMIT_PHRASES, 'resubmit'],
    [PAYMENT, 'payment'],
  ];
  for (const [re, kind] of phrases) {
    for (const m of folded.matchAll(new RegExp(re.source, 'g'))) {
      const start = m.index!;
      const i = tokenAt(ts, start);
      // a phrase that starts with its own negation ("no conforme") is not negated again
      const frame = kind === 'reject' ? { isNegated: false, isPending: false, isHypothetical: false } : frameAt(ts, i);
      cues.push({ kind, start, end: start + m[0].length, frame, isRequested: hasRequest });
    }
  }
  // payment word + done word within 6 words ("Payment of $88,250.00 was sent", "Check #10233 has been mailed")
  ts.forEach((t, i) => {
    if (!PAY_NOUN.test(t.folded)) return;
    for (let j = Math.max(0, i - 6); j <= Math.min(ts.length - 1, i + 6); j++) {
      if (j === i || !PAY_DONE.test(ts[j]!.folded)) continue;
      const first = Math.min(i, j);
      cues.push({ kind: 'payment', start: ts[first]!.start, end: ts[Math.max(i, j)]!.end, frame: frameAt(ts, first), isRequested: false });
      break;
    }
  });
  cues.sort((a, b) => a.start - b.start);
  const condition = new RegExp(CONDITION.source).exec(folded);
  const asksLineFigure = hasRequest && /(?<![a-z])(lines?|items?|partidas?|lineas?|lignes?|postes?)\s*\d[\s\S]*?\d\s?%/.test(folded);
  return { text: sentence, isQuestion: isQuestion(sentence), cues, conditionAt: condition ? condition.index : null, asksLineFigure };
}
