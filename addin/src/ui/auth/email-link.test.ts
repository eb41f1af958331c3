import { describe, expect, it } from 'vitest';
import { completeUrl, parseSessionMessage } from './email-link';

const token = 'abcdefghijklmnopqrstuvwxyz_0123456789-AB';

describe('sign-in by email (pane side)', () => {
  it('turns the pasted link or its bare token into the completion URL on the chosen server', () => {
    expect(completeUrl('http://127.0.0.1:8787/', `http://localhost:8787/auth/complete?token=${token}`)).toBe(
      `http://127.0.0.1:8787/auth/complete?token=${token}`,
    );
    expect(completeUrl('https://pb.example', ` ${token} `)).toBe(`https://pb.example/auth/complete?token=${token}`);
    expect(completeUrl('https://pb.example', 'https://pb.example/auth/complete')).toBeNull();
    expect(completeUrl('https://pb.example', 'short')).toBeNull();
    expect(completeUrl('https://pb.example', `${token}"><script>`)).toBeNull();
  });

  it("accepts only the completion page's messages (string from messageParent or object from postMessage)", () => {
    const session = { type: 'pb-session', token: 't', expiresAt: '2026-12-22T00:00:00Z', user: { id: 'u', name: 'Ana', email: 'a@x.co' } };
    expect(parseSessionMessage(JSON.stringify(session))).toEqual(session);
    expect(parseSessionMessage(session)).toEqual(session);
    expect(parseSessionMessage({ type: 'pb-session-error', message: 'expired' })).toEqual({ type: 'pb-session-error', message: 'expired' });
    expect(parseSessionMessage({ type: 'pb-session', token: 5 })).toBeNull();
    expect(parseSessionMessage('not json')).toBeNull();
  });
});
