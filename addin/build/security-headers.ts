// The `_headers` file of the built add-in: Cloudflare's static assets (and `wrangler dev`, through
// miniflare's asset worker) add these headers to the task pane, the ribbon's function file, the
// harness (dev builds) and every asset. docs/security-rules.md "Task pane headers".
import { createHash } from 'node:crypto';

/**
 * Where Office frames the task pane. Microsoft publishes no canonical list; these are the hosts its
 * engineers and users name for Excel on the web (OfficeDev/office-js#3342: *.officeapps.live.com,
 * *.sharepoint.com, onedrive.live.com; office-js-docs-pr#4911: excel.cloud.microsoft and
 * *.sharepoint.com for Microsoft 365 tenants) plus office.com / office365.com, where Excel on the web
 * runs. Desktop Excel shows the pane at the top of its own webview: no ancestor to allow.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.cloud.microsoft',
];

/** office.js and the scripts it loads (OfficeDev/office-js#1005: appsforoffice.microsoft.com, ajax.aspnetcdn.com). */
const OFFICE_SCRIPTS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'];

/** sha256 sources of the inline scripts of an HTML page (commands.html initialises office.js inline). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1]!.trim()) out.push(`'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  }
  return out;
}

export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...OFFICE_SCRIPTS, ...scriptHashes].join(' ')}`,
    // Fluent UI (Griffel) inserts its rules in <style> elements at run time
    "style-src 'self' 'unsafe-inline'",
    // the API is the pane's own origin, or the server URL the user signs in to (https); Office's telemetry
    "connect-src 'self' https:",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data: https:",
    "frame-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${OFFICE_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** `_headers` text: CSP per HTML page (its own inline-script hashes), nosniff and referrer policy everywhere. */
export function headersFile(pages: Array<{ path: string; html: string }>): string {
  const blocks = pages.map((p) => [p.path, `  Content-Security-Policy: ${contentSecurityPolicy(inlineScriptHashes(p.html))}`].join('\n'));
  const all = ['/*', '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin'].join('\n');
  return `${[all, ...blocks].join('\n')}\n`;
}
