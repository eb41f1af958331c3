// The owner's own words in a reply, cut into sentences and tokens for the classifier, the line
// resolver and the amount reader. Pure: no IO.
//
// What is not the owner's words: quoted history (strip-reply.ts), quoted HTML (<blockquote>),
// the signature after "-- ", mail-client boilerplate ("Sent from my iPhone", "Enviado desde mi…",
// "Envoyé de mon…", "Get Outlook for…", virus-scan footers) and confidentiality disclaimers (which
// often contain words like "approve": "…you are not authorized to read, print or approve…").

import { htmlToText } from '../sanitize-html';
import { stripQuotedReply } from '../strip-reply';

/** Lower case, accents removed, curly apostrophes and dashes straightened; same length as a rule is not promised. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

/** HTML without its quoted parts (<blockquote>, at any depth), as plain text. */
export function htmlReplyText(html: string): string {
  let out = '';
  let depth = 0;
  const tag = /<(\/?)blockquote\b[^>]*>/gi;
  let last = 0;
  for (const m of html.matchAll(tag)) {
    if (depth === 0) out += html.slice(last, m.index);
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    last = m.index! + m[0].length;
  }
  if (depth === 0) out += html.slice(last);
  return htmlToText(out);
}

const SIGNATURE_DELIMITER = /^(--|—|__)\s*$/;
const BOILERPLATE_LINE = new RegExp(
  [
    '^(sent|envoy[ée]|enviado)\\s+(from|de|desde)\\s+(my|mon|mi)\\b',
    '^sent from (yahoo|outlook|mail)\\b',
    '^get outlook for\\b',
    '^obtener outlook para\\b',
    '^obtenir outlook pour\\b',
    '(scanned|analizado|analys[ée]) (for viruses|by|por|par)\\b.*',
  ].join('|'),
  'i',
);
const DISCLAIMER = /(confidential|confidencial|confidentiel|intended (only|solely)|destinatario|destinataire)/i;
const DISCLAIMER_LEAD = /^\s*(confidentiality notice|important|aviso|avertissement|disclaimer|nota de confidencialidad)\b\s*:?/i;

/**
 * The reply's own words: quoted history and forwarded headers cut (strip-reply.ts), then signature,
 * client boilerplate and disclaimer paragraphs dropped. `text` is the text body, or null to read `html`.
 */
export function ownWords(text: string | null, html: string | null, stripped?: string | null): string {
  const source =
    stripped && stripped.trim() !== '' ? stripped : text && text.trim() !== '' ? stripQuotedReply(text) : stripQuotedReply(htmlReplyText(html ?? ''));
  const kept: string[] = [];
  for (const paragraph of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = paragraph.split('\n');
    const out: string[] = [];
    let isSignature = false;
    for (const line of lines) {
      if (SIGNATURE_DELIMITER.test(line.trim())) isSignature = true;
      if (isSignature) break;
      if (BOILERPLATE_LINE.test(line.trim())) continue;
      out.push(line);
    }
    const body = out.join('\n').trim();
    // a disclaimer is a long paragraph about confidentiality, or one that starts with its heading
    const isDisclaimer =
      DISCLAIMER_LEAD.test(body) ||
      (DISCLAIMER.test(body) && body.length > 60 && /(if you|si usted|si vous|not the intended|no es el destinatario|n'[eê]tes pas)/i.test(body));
    if (body !== '' && !isDisclaimer) kept.push(body);
    if (isSignature) break;
  }
  return kept.join('\n\n').trim();
}

export type Sentence = { text: string; index: number };

/**
 * Sentences: a line break ends one, and so does . ! ? ; followed by a space or the end. A full
 * stop inside a number ("412.000,00", "No. 3") does not, as it is not followed by a space.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of text.split('\n')) {
    for (const part of line.split(/(?<=[.!?;])\s+|(?<=[.!?;])$/)) {
      const t = part.trim();
      if (t !== '') out.push({ text: t, index: out.length });
    }
  }
  return out;
}

export type Token = { word: string; folded: string; start: number; end: number };

const ELISIONS = new Set(['n', 'l', 'd', 'j', 'qu', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu']);

/** Words with their offsets; punctuation that ends a clause comes through as a token of its own. */
export function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  // "re-send", "03-012", "renvoie-la" stay one token; a dash between spaces is a clause break
  const re = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[,;:()\-–—]/gu;
  for (const m of sentence.matchAll(re)) {
    const word = m[0];
    const start = m.index!;
    const apostrophe = word.search(/['’]/);
    // a French elision splits off: "n'approuve" → "n'" + "approuve" (English "can't" stays whole)
    if (apostrophe > 0 && ELISIONS.has(fold(word.slice(0, apostrophe)))) {
      out.push({ word: word.slice(0, apostrophe + 1), folded: `${fold(word.slice(0, apostrophe))}'`, start, end: start + apostrophe + 1 });
      const rest = word.slice(apostrophe + 1);
      out.push({ word: rest, folded: fold(rest), start: start + apostrophe + 1, end: start + word.length });
      continue;
    }
    out.push({ word, folded: fold(word), start, end: start + word.length });
  }
  return out;
}
