import { describe, expect, it } from 'vitest';
import { ZPostmarkInbound } from './postmark-payloads';
import { senderAuth } from './sender-auth';

const mail = (headers: Array<[string, string]>) =>
  ZPostmarkInbound.parse({ MessageID: 'm', From: 'maria@owner.example', Headers: headers.map(([Name, Value]) => ({ Name, Value })) });
const spf = (result: string, envelope: string) =>
  ['Received-SPF', `${result} (sender SPF authorized) identity=mailfrom; client-ip=192.0.2.1; envelope-from=${envelope}`] as [string, string];
const verdict = (headers: Array<[string, string]>) => senderAuth(mail(headers), 'maria@owner.example').verdict;

describe('sender authentication from the receiving server headers', () => {
  it('SPF pass for the From domain (or a subdomain of it) authenticates', () => {
    expect(verdict([spf('Pass', 'maria@owner.example')])).toBe('pass');
    expect(verdict([spf('pass', 'bounce@mail.owner.example')])).toBe('pass');
  });
  it("SPF pass for another domain does not (the attacker's own server)", () => {
    expect(verdict([spf('Pass', 'x@attacker.example')])).toBe('none');
  });
  it('only the topmost Received-SPF counts: one the message brought along proves nothing', () => {
    expect(verdict([spf('Fail', 'maria@owner.example'), spf('Pass', 'maria@owner.example')])).toBe('fail');
    expect(verdict([spf('SoftFail', 'maria@owner.example')])).toBe('fail');
  });
  it("a DKIM signature of the author's domain authenticates (SpamAssassin DKIM_VALID_AU); of another domain does not", () => {
    expect(verdict([['X-Spam-Tests', 'DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU']])).toBe('pass');
    expect(verdict([['X-Spam-Tests', 'DKIM_SIGNED,DKIM_VALID']])).toBe('none');
  });
  it('dmarc=fail in Authentication-Results lowers the verdict; nothing at all is none', () => {
    expect(verdict([spf('Pass', 'maria@owner.example'), ['Authentication-Results', 'mx.example; dmarc=fail (p=reject) header.from=owner.example']])).toBe(
      'fail',
    );
    expect(verdict([])).toBe('none');
    expect(senderAuth(mail([]), 'maria@owner.example').detail).toBe('no SPF result; no DKIM signature of the sender');
  });
});
