// Reply HTML is untrusted mail. The server already ran it through its allow-list sanitizer; the
// pane runs it through DOMPurify AGAIN with a strict configuration before it touches the DOM, and
// shows the plain text instead whenever that is not possible (no DOM, nothing left, or anything
// that still looks active). This module is the only way reply HTML reaches the page.
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify } from 'dompurify';

/** Tags that can run code, load frames, submit data or restyle the pane: never kept. */
export const FORBIDDEN_TAGS = [
  'script',
  'noscript',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'svg',
  'math',
  'template',
  'img',
  'picture',
  'video',
  'audio',
  'source',
] as const;

export const REPLY_HTML_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [...FORBIDDEN_TAGS],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'ping'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  /** links to the web and mail only: no javascript:, data:, vbscript: or relative URLs */
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  WHOLE_DOCUMENT: false,
} satisfies Config;

/** What the sanitizer needs of DOMPurify (a stand-in in unit tests, which run without a DOM). */
export type Purifier = Pick<DOMPurify, 'isSupported' | 'sanitize' | 'addHook'>;

/** Anything still able to act after sanitizing: a script/frame/form tag or an on* attribute. */
const ACTIVE = /<\s*(?:script|iframe|frame|object|embed|applet|form|base|meta|link|style)\b|<[^>]*[\s/"']on[a-z]+\s*=|javascript:/i;

export function hasActiveContent(html: string): boolean {
  return ACTIVE.test(html);
}

let shared: Purifier | null = null;

/** DOMPurify on this page's window, with the link hook (target=_blank, rel=noopener noreferrer). */
export function pagePurifier(): Purifier {
  if (shared) return shared;
  const win = typeof window === 'undefined' ? undefined : window;
  const purifier = (win ? createDOMPurify(win) : createDOMPurify()) as Purifier;
  withLinkHook(purifier);
  shared = purifier;
  return purifier;
}

export function withLinkHook(purifier: Purifier): Purifier {
  if (purifier.isSupported) {
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return purifier;
}

/**
 * The reply's HTML fit to show, or null: then show the text. Null when there is no HTML, when
 * DOMPurify cannot run here (it would hand the input back unchanged), when nothing visible is left,
 * or when the result still holds anything active (defence in depth against a sanitizer bug).
 */
export function sanitizeReplyHtml(html: string | null | undefined, purifier: Purifier = pagePurifier()): string | null {
  if (!html?.trim()) return null;
  if (!purifier.isSupported) return null;
  const clean = String(purifier.sanitize(html, REPLY_HTML_CONFIG));
  if (!clean.replace(/<[^>]*>/g, '').trim()) return null;
  return hasActiveContent(clean) ? null : clean;
}
