import type { PostmarkInbound } from './postmark-payloads';

export type SenderAuth = { verdict: 'pass' | 'fail' | 'none'; detail: string };

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Relaxed alignment (DMARC, RFC 7489 §3.1): the same domain or one a subdomain of the other. */
function aligned(a: string, b: string): boolean {
  if (!a || !b) return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

const headers = (p: PostmarkInbound, name: string) => p.Headers.filter((h) => h.Name.toLowerCase() === name.toLowerCase()).map((h) => h.Value);

/**
 * Did the sender's domain vouch for this mail? From what the receiving server (Postmark) adds:
 * - Received-SPF ("Pass (sender SPF authorized) identity=mailfrom; … envelope-from=…"): a pass counts
 *   when the envelope-from domain aligns with the From domain. Only the topmost header is read: the
 *   receiving server prepends its own, anything below came with the message and proves nothing.
 * - X-Spam-Tests (SpamAssassin, run by Postmark; it replaces X-Spam-* headers a message brings):
 *   DKIM_VALID_AU is a valid DKIM signature of the author's (From) domain.
 * - Authentication-Results / DMARC: Postmark does not evaluate DMARC (postmarkapp.com support,
 *   "Understanding SpamAssassin and inbound spam filtering"), and an Authentication-Results header
 *   may come from anywhere upstream, so it can only lower the verdict (dmarc=fail), never raise it.
 * pass = SPF-aligned pass or author-domain DKIM; fail = an explicit fail and no pass; none = no result.
 */
export function senderAuth(p: PostmarkInbound, fromEmail: string): SenderAuth {
  const from = domainOf(fromEmail);
  const notes: string[] = [];
  let pass = false;
  let fail = false;

  const spf = headers(p, 'Received-SPF')[0];
  if (spf) {
    const result = /^\s*([a-z]+)/i.exec(spf)?.[1]?.toLowerCase() ?? '';
    const envelope = /envelope-from=<?([^;>\s]+)/i.exec(spf)?.[1] ?? '';
    const envDomain = envelope.includes('@') ? domainOf(envelope) : envelope.toLowerCase();
    if (result === 'pass' && aligned(envDomain, from)) {
      pass = true;
      notes.push(`SPF pass for ${envDomain}`);
    } else if (result === 'pass') notes.push(`SPF pass for ${envDomain || 'another domain'}, not the sender's ${from}`);
    else if (result === 'fail' || result === 'softfail') {
      fail = true;
      notes.push(`SPF ${result}`);
    } else notes.push(`SPF ${result || 'unreadable'}`);
  } else notes.push('no SPF result');

  const tests = (headers(p, 'X-Spam-Tests')[0] ?? '').toUpperCase().split(/[\s,]+/);
  if (tests.includes('DKIM_VALID_AU')) {
    pass = true;
    notes.push(`DKIM signature of ${from}`);
  } else if (tests.includes('DKIM_VALID')) notes.push("DKIM signature of another domain than the sender's");
  else notes.push('no DKIM signature of the sender');

  const dmarcFail = headers(p, 'Authentication-Results').some((v) => /\bdmarc\s*=\s*fail\b/i.test(v));
  if (dmarcFail) notes.push('DMARC fail');

  const verdict = dmarcFail ? 'fail' : pass ? 'pass' : fail ? 'fail' : 'none';
  return { verdict, detail: notes.join('; ') };
}
