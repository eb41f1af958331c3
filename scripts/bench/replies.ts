// Scores the reply understanding (shared/email/replies) on the labelled corpus in
// fixtures/replies/{en,es,fr}.jsonl: per-language and per-class precision and recall, line
// references and certified amounts exactly right, and the one error that must never happen
// (a rejection or revise request suggested as an approval). Used by `npm run bench -- replies`
// and by scripts/bench/replies.test.ts, which asserts the thresholds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replyKinds, type ReplyKind } from '@shared/email/classify-reply';
import type { MailHeader } from '@shared/email/replies/auto-reply';
import type { InvoiceLineRef } from '@shared/email/replies/lines';
import { parseAmountCents } from '@shared/email/replies/amount';
import { understandReply, type ReplyUnderstanding } from '@shared/email/replies/understand';

export const corpusLangs = ['en', 'es', 'fr'] as const;
export type CorpusLang = (typeof corpusLangs)[number];

export type LabelledReply = {
  id: string;
  class: ReplyKind;
  conditional?: boolean;
  reason?: string;
  lines: string[];
  /** decimal string in the invoice's currency ("412000.00"), or null */
  amount: string | null;
  text?: string;
  html?: string;
  headers?: MailHeader[];
};

/** The demo schedule of values (fixtures/sov-commercial-building.csv): the lines every reply is about. */
export function corpusLines(root = process.cwd()): InvoiceLineRef[] {
  const csv = readFileSync(join(root, 'fixtures/sov-commercial-building.csv'), 'utf8').trim().split('\n').slice(1);
  return csv.map((row) => {
    const cells = [...row.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]!);
    return { lineId: `line-${cells[0]}`, itemNo: cells[0]!, costCode: cells[1]!, description: cells[3]! };
  });
}

/** The sets of fixtures/replies (README.md there): main (tuned on), second (tuned on after its first run), holdout (never tuned on). */
export type CorpusSet = 'main' | 'second' | 'holdout';

export function loadCorpus(set: CorpusSet = 'main', root = process.cwd()): Record<CorpusLang, LabelledReply[]> {
  const out = {} as Record<CorpusLang, LabelledReply[]>;
  for (const lang of corpusLangs) {
    const file = set === 'main' ? `fixtures/replies/${lang}.jsonl` : `fixtures/replies/${set}/${lang}.jsonl`;
    const text = readFileSync(join(root, file), 'utf8');
    out[lang] = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        try {
          return JSON.parse(l) as LabelledReply;
        } catch (err) {
          throw new Error(`${file} line ${i + 1}: ${(err as Error).message}`);
        }
      });
  }
  return out;
}

export type Outcome = {
  lang: CorpusLang;
  label: LabelledReply;
  got: ReplyUnderstanding;
  isClassRight: boolean;
  isLinesRight: boolean;
  isAmountRight: boolean;
  isReasonRight: boolean | null;
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const foldText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function runCorpus(corpus: Record<CorpusLang, LabelledReply[]>, lines: InvoiceLineRef[]): Outcome[] {
  const out: Outcome[] = [];
  for (const lang of corpusLangs) {
    for (const label of corpus[lang]) {
      const got = understandReply({ text: label.text ?? null, html: label.html ?? null, headers: label.headers ?? [], isSenderAuthenticated: true, lines });
      const wantCents = label.amount === null ? null : parseAmountCents(label.amount);
      const reason = label.reason ? (got.reason ? foldText(got.reason).includes(foldText(label.reason)) : false) : null;
      out.push({
        lang,
        label,
        got,
        isClassRight: got.kind === label.class,
        isLinesRight: sameSet(
          got.lines.map((l) => l.itemNo),
          label.lines,
        ),
        isAmountRight: (got.amount?.cents ?? null) === wantCents,
        isReasonRight: reason,
      });
    }
  }
  return out;
}

export type Score = {
  perLang: Record<
    CorpusLang,
    { n: number; classAccuracy: number; linesExact: number; amountsExact: number; linesExactWhereAny: number; amountsExactWhereAny: number }
  >;
  perClass: Record<ReplyKind, { support: number; precision: number; recall: number }>;
  /** rejections and revise requests whose suggestion would approve the invoice: must be empty */
  rejectionsSuggestedAsApproval: Outcome[];
  reasonsFound: { right: number; of: number };
  errors: Outcome[];
};

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(outcomes: Outcome[]): Score {
  const perLang = {} as Score['perLang'];
  for (const lang of corpusLangs) {
    const os = outcomes.filter((o) => o.lang === lang);
    const withLines = os.filter((o) => o.label.lines.length > 0 || o.got.lines.length > 0);
    const withAmount = os.filter((o) => o.label.amount !== null || o.got.amount !== null);
    perLang[lang] = {
      n: os.length,
      classAccuracy: ratio(os.filter((o) => o.isClassRight).length, os.length),
      linesExact: ratio(os.filter((o) => o.isLinesRight).length, os.length),
      amountsExact: ratio(os.filter((o) => o.isAmountRight).length, os.length),
      linesExactWhereAny: ratio(withLines.filter((o) => o.isLinesRight).length, withLines.length),
      amountsExactWhereAny: ratio(withAmount.filter((o) => o.isAmountRight).length, withAmount.length),
    };
  }
  const perClass = {} as Score['perClass'];
  for (const k of replyKinds) {
    const predicted = outcomes.filter((o) => o.got.kind === k);
    const actual = outcomes.filter((o) => o.label.class === k);
    perClass[k] = {
      support: actual.length,
      precision: ratio(predicted.filter((o) => o.label.class === k).length, predicted.length),
      recall: ratio(actual.filter((o) => o.got.kind === k).length, actual.length),
    };
  }
  const reasons = outcomes.filter((o) => o.isReasonRight !== null);
  return {
    perLang,
    perClass,
    rejectionsSuggestedAsApproval: outcomes.filter(
      (o) => (o.label.class === 'rejection' || o.label.class === 'revise') && (o.got.suggestion === 'approved' || o.got.suggestion === 'approved_as_noted'),
    ),
    reasonsFound: { right: reasons.filter((o) => o.isReasonRight).length, of: reasons.length },
    errors: outcomes.filter((o) => !o.isClassRight || !o.isLinesRight || !o.isAmountRight),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function report(s: Score, { verbose = false, title = 'fixtures/replies' } = {}): string {
  const rows: string[] = [`\n# Reply understanding (shared/email/replies) on ${title}`];
  rows.push('  lang    n   classes  lines exact (where any)  amounts exact (where any)');
  for (const lang of corpusLangs) {
    const r = s.perLang[lang];
    rows.push(
      `  ${lang}    ${String(r.n).padStart(3)}   ${pct(r.classAccuracy).padStart(6)}   ${pct(r.linesExact).padStart(6)} (${pct(r.linesExactWhereAny)})          ${pct(r.amountsExact).padStart(6)} (${pct(r.amountsExactWhereAny)})`,
    );
  }
  rows.push('  class        support  precision  recall');
  for (const k of replyKinds) {
    const c = s.perClass[k];
    rows.push(`  ${k.padEnd(12)} ${String(c.support).padStart(7)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}`);
  }
  rows.push(`  rejections/revise requests suggested as approval: ${s.rejectionsSuggestedAsApproval.length}   (must be 0)`);
  rows.push(`  reasons containing the labelled words: ${s.reasonsFound.right}/${s.reasonsFound.of}`);
  if (verbose) {
    for (const e of s.errors) {
      rows.push(
        `  ✗ ${e.label.id}: class ${e.label.class}→${e.got.kind}  lines [${e.label.lines}]→[${e.got.lines.map((l) => l.itemNo)}]  amount ${e.label.amount}→${e.got.amount?.cents ?? null}`,
      );
    }
  }
  return rows.join('\n');
}

const titles: Record<CorpusSet, string> = {
  main: 'fixtures/replies — main corpus, 100+ per language, the rules were tuned on it',
  second: 'fixtures/replies/second — written after the rules; first run 80–83%, then tuned on',
  holdout: 'fixtures/replies/holdout — written last, never tuned on',
};

/** For scripts/bench.mjs: every set, main first. */
export function run({ print = true, verbose = false } = {}): Record<CorpusSet, Score> {
  const lines = corpusLines();
  const out = {} as Record<CorpusSet, Score>;
  for (const set of ['main', 'second', 'holdout'] as const) {
    out[set] = score(runCorpus(loadCorpus(set), lines));
    if (print) console.log(report(out[set], { verbose, title: titles[set] }));
  }
  return out;
}
