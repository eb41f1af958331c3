// A strict allow-list HTML sanitizer for untrusted email HTML (replies), with no DOM: a small
// tokenizer re-emits only allowed tags with allowed attributes; all text is decoded and re-escaped,
// so nothing from the input reaches the output unescaped. Pure: runs in the worker and in tests.
//
// Kept:    p br b strong i em u ul ol li blockquote table tr td th, a[href] (http, https, mailto).
// Dropped with their content: script, style, iframe, object, embed, svg, math, template, … (below).
// Dropped, content kept: every other tag (div, span, font, img is dropped as it has no content).
// Attributes: only a[href] (safe schemes) and td/th[colspan|rowspan] (1–3 digits); event
// handlers, style, src, srcset, data-* … are never emitted. Comments, doctypes, CDATA: dropped.

import { decodeEntities, escapeHtml } from './html-entities';

const ALLOWED = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'a', 'table', 'tr', 'td', 'th']);
const VOID = new Set(['br']);
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'frameset',
  'frame',
  'template',
  'title',
  'head',
  'textarea',
  'select',
  'svg',
  'math',
  'xmp',
  'plaintext',
  'canvas',
  'audio',
  'video',
  'button',
]);
// Disallowed block containers end a line, so "<div>a</div><div>b</div>" does not read "ab".
const BLOCK = new Set([
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'center',
  'address',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'hr',
  'caption',
]);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

type Attr = { name: string; value: string };
type Tag = { name: string; isClose: boolean; isSelfClosing: boolean; attrs: Attr[]; end: number };

const TAG_OPEN = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;
const ATTR = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

/** Parses the tag starting at `at` ('<' + letter); null when it never closes ('>' missing). */
function readTag(html: string, at: number): Tag | null {
  TAG_OPEN.lastIndex = at;
  const m = TAG_OPEN.exec(html);
  if (!m) return null;
  const attrs: Attr[] = [];
  let pos = TAG_OPEN.lastIndex;
  for (;;) {
    while (pos < html.length && /\s/.test(html[pos]!)) pos++;
    if (pos >= html.length) return null;
    if (html[pos] === '>') return { name: m[2]!.toLowerCase(), isClose: m[1] === '/', isSelfClosing: false, attrs, end: pos + 1 };
    if (html.startsWith('/>', pos)) return { name: m[2]!.toLowerCase(), isClose: m[1] === '/', isSelfClosing: true, attrs, end: pos + 2 };
    ATTR.lastIndex = pos;
    const a = ATTR.exec(html);
    if (!a || ATTR.lastIndex === pos) {
      pos++; // a stray quote or '=': skip it
      continue;
    }
    attrs.push({ name: a[1]!.toLowerCase(), value: a[2] ?? a[3] ?? a[4] ?? '' });
    pos = ATTR.lastIndex;
  }
}

/** http(s) and mailto only; the scheme is read after removing the characters browsers ignore. */
export function safeHref(raw: string): string | null {
  const value = decodeEntities(raw).trim();
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (!scheme || !SAFE_SCHEMES.has(scheme[1]!.toLowerCase())) return null;
  return value;
}

function openTag(tag: Tag): string | null {
  if (tag.name === 'a') {
    const href = tag.attrs.find((a) => a.name === 'href');
    const safe = href ? safeHref(href.value) : null;
    return safe === null ? null : `<a href="${escapeHtml(safe)}" rel="noopener noreferrer nofollow" target="_blank">`;
  }
  if (tag.name === 'td' || tag.name === 'th') {
    const spans = tag.attrs
      .filter((a) => (a.name === 'colspan' || a.name === 'rowspan') && /^\d{1,3}$/.test(a.value.trim()))
      .map((a) => ` ${a.name}="${a.value.trim()}"`);
    return `<${tag.name}${spans.join('')}>`;
  }
  return `<${tag.name}>`;
}

/** Index just past the end of `</name …>` after `from`, or the end of the input when missing. */
function skipElement(html: string, lower: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    const close = lower.indexOf(`</${name}`, at);
    if (close < 0) return html.length;
    const next = lower[close + name.length + 2];
    if (next === undefined || next === '>' || /[\s/]/.test(next)) {
      const gt = html.indexOf('>', close);
      return gt < 0 ? html.length : gt + 1;
    }
    at = close + 1;
  }
}

export function sanitizeEmailHtml(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  const open: string[] = [];
  const text = (s: string) => {
    if (s) out.push(escapeHtml(decodeEntities(s)));
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z/]/.test(html[lt + 1] ?? '')) {
      text('<');
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      // "</ >" or a tag that never closes: drop the rest rather than guess where it ends
      if (html[lt + 1] === '/' && !/[a-zA-Z]/.test(html[lt + 2] ?? '')) {
        const end = html.indexOf('>', lt);
        i = end < 0 ? html.length : end + 1;
        continue;
      }
      break;
    }
    i = tag.end;
    if (DROP_WITH_CONTENT.has(tag.name)) {
      if (!tag.isClose && !tag.isSelfClosing) i = skipElement(html, lower, tag.name, i);
      continue;
    }
    if (!ALLOWED.has(tag.name)) {
      if (BLOCK.has(tag.name) && (tag.isClose || tag.name === 'hr') && out.length && out[out.length - 1] !== '<br>') out.push('<br>');
      continue;
    }
    if (tag.isClose) {
      const at = open.lastIndexOf(tag.name);
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    const emitted = openTag(tag);
    if (emitted === null) continue;
    out.push(emitted);
    // "<b/>" does not close in HTML either: only void elements stay off the stack
    if (!VOID.has(tag.name)) open.push(tag.name);
  }
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** Plain text from HTML, for replies that come without a text part: tags dropped, lines kept. */
export function htmlToText(html: string): string {
  const withBreaks = sanitizeEmailHtml(html)
    .replace(/<br>|<\/(p|li|tr|blockquote)>/g, '\n')
    .replace(/<\/t[dh]>/g, '\t')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(withBreaks)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
