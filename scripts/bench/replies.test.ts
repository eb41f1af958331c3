// The reply corpus thresholds: ≥ 97% of classes right in each language, ≥ 95% of line references
// and certified amounts exact, and never a rejection (or revise request) suggested as an approval.
import { describe, expect, it } from 'vitest';
import { corpusLangs, corpusLines, loadCorpus, runCorpus, score } from './replies';

const lines = corpusLines();
const main = score(runCorpus(loadCorpus('main'), lines));
const others = [score(runCorpus(loadCorpus('second'), lines)), score(runCorpus(loadCorpus('holdout'), lines))];

describe('reply corpus (fixtures/replies)', () => {
  it('has at least 100 labelled replies per language', () => {
    for (const lang of corpusLangs) expect(main.perLang[lang].n).toBeGreaterThanOrEqual(100);
  });

  for (const lang of corpusLangs) {
    it(`${lang}: ≥ 97% of classes right, ≥ 95% of line references and amounts exact`, () => {
      const r = main.perLang[lang];
      expect(r.classAccuracy).toBeGreaterThanOrEqual(0.97);
      expect(r.linesExact).toBeGreaterThanOrEqual(0.95);
      expect(r.amountsExact).toBeGreaterThanOrEqual(0.95);
      // the stricter figure, over replies that name a line or an amount (labelled or found)
      expect(r.linesExactWhereAny).toBeGreaterThanOrEqual(0.95);
      expect(r.amountsExactWhereAny).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('never suggests a rejection or a revise request as an approval (every set)', () => {
    for (const s of [main, ...others]) expect(s.rejectionsSuggestedAsApproval.map((o) => o.label.id)).toEqual([]);
  });
});
