// Word stems for English, Spanish and French, so that one entry in lexicon.ts covers every
// conjugation: aprobar / aprobada / aprobamos / aprobarla → "aprob", approuver / approuvée →
// "approuv", approved / approving → "approv". Pure: no IO.
//
// Why snowball-stemmers (npm): it is a plain-JavaScript port of the Snowball project's stemmers
// (the reference algorithms for these three languages, also used by Lucene and PostgreSQL), so it
// runs unchanged in Workers and in the browser (no fs, no WebAssembly, no network), it has types
// (@types/snowball-stemmers), and it is ISC-licensed. A lemmatizer would be more exact but needs
// dictionaries of several MB per language; wink/compromise/natural cover English only or pull in fs.
// Snowball's Spanish stemmer already removes enclitic pronouns after infinitives and gerunds
// (aprobarla → aprob); imperatives with a pronoun (rechácenla) are handled here by also stemming the
// word without it.
import { newStemmer } from 'snowball-stemmers';
import { fold } from './text';

export const LANGS = ['en', 'es', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

const stemmers = { en: newStemmer('english'), es: newStemmer('spanish'), fr: newStemmer('french') };
const cache = new Map<string, Record<Lang, string[]>>();
const ES_CLITIC = /(?<=[aeiouáéíóú][nrs]?)(las|los|la|lo|les|le|nos|se|me)$/;

function stemFolded(lang: Lang, word: string): string {
  return fold(stemmers[lang].stem(word));
}

/**
 * The stems a word may have in each language (lower case, accents removed). Hyphenated words give
 * the stems of the whole and of each part ("re-send" → "resend", "renvoie-la" → "renvoi").
 */
export function stemsOf(word: string): Record<Lang, string[]> {
  const lower = word.toLowerCase();
  const hit = cache.get(lower);
  if (hit) return hit;
  const forms = new Set([lower, lower.replace(/-/g, '')]);
  for (const part of lower.split('-')) if (part.length > 1) forms.add(part);
  const out = { en: new Set<string>(), es: new Set<string>(), fr: new Set<string>() };
  for (const form of forms) {
    for (const lang of LANGS) out[lang].add(stemFolded(lang, form));
    const clitic = ES_CLITIC.exec(form);
    if (clitic && form.length - clitic[0].length >= 5) out.es.add(stemFolded('es', form.slice(0, -clitic[0].length)));
  }
  const result = { en: [...out.en], es: [...out.es], fr: [...out.fr] };
  if (cache.size > 5000) cache.clear();
  cache.set(lower, result);
  return result;
}

/** Damerau–Levenshtein distance ≤ 1 (one typo: a letter missing, extra, wrong or two swapped). */
export function isOneTypoAway(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
