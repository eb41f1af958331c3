import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, inlineScriptHashes } from './security-headers';

// docs/security-rules.md "Task pane headers" and "Deployment".
describe('task pane headers (_headers of the build)', () => {
  it('gives every page a CSP that lets only Office hosts frame it, and nosniff everywhere', () => {
    const text = headersFile([{ path: '/', html: '<script src="/assets/index.js"></script>' }]);
    expect(text).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff\n/);
    const csp = /^\/\n {2}Content-Security-Policy: (.*)$/m.exec(text)![1]!;
    expect(csp).toContain("frame-ancestors 'self' https://*.officeapps.live.com");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
  it('allows an inline script only by its hash (commands.html initialises office.js inline)', () => {
    const html = readFileSync(new URL('../commands.html', import.meta.url), 'utf8');
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(1);
    expect(contentSecurityPolicy(hashes)).toContain(hashes[0]);
    expect(inlineScriptHashes('<script src="/x.js"></script>')).toEqual([]);
  });
});

describe('deployment configuration', () => {
  it('wrangler.toml ships no localhost origin', () => {
    const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8');
    expect(/^ALLOWED_ORIGINS\s*=\s*"(.*)"/m.exec(toml)![1]).toBe('');
    expect(toml).not.toMatch(/^[^#\n]*localhost:3000/m);
  });
});
