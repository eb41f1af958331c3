import { describe, expect, it } from 'vitest';
import { htmlToText, safeHref, sanitizeEmailHtml } from './sanitize-html';
import fixture from '../../fixtures/postmark-inbound-reply.json';

/** No element, attribute or URL that can run code survives. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<style|<iframe|<img|<svg|<object|<embed|<form|<input|<meta|<link|<base/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(html).not.toMatch(/\sstyle\s*=|\ssrc\s*=|\ssrcdoc\s*=/i);
  // every tag left is on the allow-list
  for (const m of html.matchAll(/<\/?([a-z0-9]+)/gi)) {
    expect(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'a', 'table', 'tr', 'td', 'th']).toContain(m[1]);
  }
}

describe('sanitizeEmailHtml', () => {
  it("the fixture's reply: text and quote kept, <script> and onerror= gone", () => {
    const out = sanitizeEmailHtml(fixture.HtmlBody);
    expect(out).toBe('<p>Aprobado, gracias. Procedemos con el pago esta semana.</p><p>María</p><blockquote>Please find invoice #3 for March.</blockquote>');
    expectInert(out);
    expect(out).not.toContain('alert');
  });

  const hostile: Array<[string, string]> = [
    ['script with attributes', '<p>hi</p><SCRIPT type="text/javascript">alert(1)</SCRIPT >'],
    ['unclosed script swallows the rest', '<p>hi</p><script>alert(1)'],
    ['event handler on an allowed tag', '<p onclick="alert(1)" onmouseover=alert(2)>hi</p>'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['obfuscated javascript: link', '<a href=" jav&#x09;ascript:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a>'],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
    ['svg onload', '<svg onload=alert(1)><circle/></svg><p>ok</p>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['style and css expression', '<style>body{background:url(javascript:alert(1))}</style><p style="x:expression(alert(1))">t</p>'],
    ['attribute breaking out with quotes', '<p title="a" onclick="alert(1)" x=\'"><script>alert(1)</script>\'>t</p>'],
    ['comment hiding a script', '<!-- <script>alert(1)</script> --><p>t</p><!--[if IE]><script>alert(1)</script><![endif]-->'],
    ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//">'],
    ['form and input', '<form action="https://evil.example"><input name="p" value="x"><button>Go</button></form>'],
    ['entity-encoded tags stay text', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['nested quotes in unquoted attribute', '<a href=https://ok.example/?q="x"onmouseover=alert(1)>t</a>'],
    ['tag split by newline', '<img\nsrc=x\nonerror=alert(1)>'],
    ['uppercase and mixed tags', '<IMG SRC=x OnErRoR=alert(1)><ScRiPt>alert(1)</sCrIpT>'],
  ];
  for (const [name, html] of hostile) {
    it(`drops active content: ${name}`, () => expectInert(sanitizeEmailHtml(html)));
  }

  it('keeps allowed formatting and safe links', () => {
    const html =
      '<div><b>Bold</b> <strong>S</strong> <i>I</i> <em>E</em> <u>U</u></div>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol>' +
      '<table><tbody><tr><th colspan="2" style="x">H</th></tr><tr><td rowspan=3>1</td><td>2</td></tr></tbody></table>' +
      '<a href="https://example.com/a?b=1&amp;c=2">link</a> <a href="mailto:x@example.com">mail</a>';
    expect(sanitizeEmailHtml(html)).toBe(
      '<b>Bold</b> <strong>S</strong> <i>I</i> <em>E</em> <u>U</u><br>' +
        '<ul><li>one</li></ul><ol><li>two</li></ol>' +
        '<table><tr><th colspan="2">H</th></tr><tr><td rowspan="3">1</td><td>2</td></tr></table>' +
        '<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">link</a> ' +
        '<a href="mailto:x@example.com" rel="noopener noreferrer nofollow" target="_blank">mail</a>',
    );
  });

  it('closes tags left open and ignores stray closing tags', () => {
    expect(sanitizeEmailHtml('<p><b>x</p></i>y')).toBe('<p><b>x</b></p>y');
    expect(sanitizeEmailHtml('<a href="https://x.example"/>link<br/>')).toBe(
      '<a href="https://x.example" rel="noopener noreferrer nofollow" target="_blank">link<br></a>',
    );
  });

  it('escapes text, decoding entities once', () => {
    expect(sanitizeEmailHtml('5 < 6 &amp; "q" &eacute; 1 &gt; 0')).toBe('5 &lt; 6 &amp; &quot;q&quot; é 1 &gt; 0');
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['HTTP://EXAMPLE.COM', 'HTTP://EXAMPLE.COM'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['javascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['/relative/path', null],
    ['//evil.example', null],
    ['vbscript:x', null],
  ])('%s → %s', (input, expected) => expect(safeHref(input)).toBe(expected));
});

describe('htmlToText', () => {
  it('gives readable text without markup or script content', () => {
    expect(htmlToText(fixture.HtmlBody)).toBe('Aprobado, gracias. Procedemos con el pago esta semana.\nMaría\nPlease find invoice #3 for March.');
  });
});
