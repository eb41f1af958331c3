// The pane's second sanitizer pass. These tests run in Node, where DOMPurify has no DOM (it would
// hand the input back unchanged): they prove the wrapper then falls back to text, that its
// configuration forbids what the fixture carries, that a purifier which lets anything through is
// caught, and that the tab puts HTML in the page only through the wrapper. The browser behaviour
// itself (the fixture's <script> and onerror= rendered without active content) is asserted in
// addin/e2e/emails.e2e.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_TAGS, REPLY_HTML_CONFIG, hasActiveContent, pagePurifier, sanitizeReplyHtml, type Purifier } from './sanitize-html';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../../../fixtures/postmark-inbound-reply.json'), 'utf8')) as { HtmlBody: string };

const passThrough = (isSupported = true): Purifier & { configs: unknown[] } => {
  const configs: unknown[] = [];
  return {
    isSupported,
    configs,
    addHook: () => undefined,
    sanitize: ((html: string, config: unknown) => {
      configs.push(config);
      return html;
    }) as Purifier['sanitize'],
  };
};

describe('sanitizeReplyHtml', () => {
  it('falls back to the text where DOMPurify cannot run (Node: it would return the input unchanged)', () => {
    expect(pagePurifier().isSupported).toBe(false);
    expect(sanitizeReplyHtml(fixture.HtmlBody)).toBeNull();
  });

  it("never returns HTML that still holds the fixture's <script> or onerror=, whatever the purifier did", () => {
    expect(fixture.HtmlBody).toMatch(/<script>/);
    expect(fixture.HtmlBody).toMatch(/onerror=/);
    const purifier = passThrough();
    expect(sanitizeReplyHtml(fixture.HtmlBody, purifier)).toBeNull();
    expect(purifier.configs).toEqual([REPLY_HTML_CONFIG]);
    for (const bad of [
      '<a href="javascript:alert(1)">x</a>',
      '<p ONCLICK="x()">x</p>',
      '<div/onmouseover=x()>x</div>',
      '<iframe src="https://x"></iframe>',
      '<form><input></form>',
      '<object data=x></object>',
    ]) {
      expect(hasActiveContent(bad), bad).toBe(true);
      expect(sanitizeReplyHtml(bad, passThrough()), bad).toBeNull();
    }
  });

  it('keeps harmless HTML, and shows text when nothing visible is left', () => {
    const ok =
      '<p>Aprobado, gracias.</p><blockquote>on line 12 = fix</blockquote><a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a>';
    expect(sanitizeReplyHtml(ok, passThrough())).toBe(ok);
    expect(sanitizeReplyHtml('<p> </p><br>', passThrough())).toBeNull();
    expect(sanitizeReplyHtml(null, passThrough())).toBeNull();
    expect(sanitizeReplyHtml(ok, passThrough(false))).toBeNull();
  });

  it('is configured strictly: no scripts, frames, objects, forms, styles, data: or javascript: URLs', () => {
    for (const tag of ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'style', 'svg', 'img', 'base', 'meta', 'link']) {
      expect(FORBIDDEN_TAGS as readonly string[], tag).toContain(tag);
    }
    expect(REPLY_HTML_CONFIG.FORBID_ATTR).toEqual(expect.arrayContaining(['style', 'action', 'formaction']));
    expect(REPLY_HTML_CONFIG.ALLOW_DATA_ATTR).toBe(false);
    expect(REPLY_HTML_CONFIG.ALLOW_UNKNOWN_PROTOCOLS).toBe(false);
    const uri = REPLY_HTML_CONFIG.ALLOWED_URI_REGEXP;
    expect(uri.test('https://example.com')).toBe(true);
    expect(uri.test('mailto:a@b.co')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '//evil.example']) expect(uri.test(bad), bad).toBe(false);
    expect(REPLY_HTML_CONFIG).not.toHaveProperty('ADD_TAGS');
    expect(REPLY_HTML_CONFIG).not.toHaveProperty('ADD_ATTR');
  });
});

describe('the Emails tab puts HTML in the page only through sanitizeReplyHtml', () => {
  const dir = __dirname;
  const sources = readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

  it("uses dangerouslySetInnerHTML once, in reply-body.tsx, on the wrapper's output", () => {
    const users = sources.filter(([, s]) => /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/.test(s)).map(([f]) => f);
    expect(users).toEqual(['reply-body.tsx']);
    const body = sources.find(([f]) => f === 'reply-body.tsx')![1];
    expect(body.match(/dangerouslySetInnerHTML/g)).toHaveLength(1);
    expect(body).toMatch(/const clean = useMemo\(\(\) => sanitizeReplyHtml\(html\), \[html\]\)/);
    expect(body).toMatch(/dangerouslySetInnerHTML=\{\{ __html: clean \}\}/);
    expect(body).toMatch(/if \(clean === null\)\s*return \(?\s*<pre/);
  });

  it("never reads a message's raw html anywhere else than into ReplyBody", () => {
    for (const [f, s] of sources) {
      if (f === 'reply-body.tsx') continue;
      const uses = s.match(/\bm\.html\b/g) ?? [];
      const viaBody = s.match(/<ReplyBody html=\{m\.html\}/g) ?? [];
      const asFlag = s.match(/!!m\.html/g) ?? [];
      expect(uses.length, f).toBe(viaBody.length + asFlag.length);
    }
  });
});
