import { env, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authEmailLinks, emailMessages } from '../src/db/schema';
import { deliverMessage } from '../src/services/emails/deliver-message';
import { systemCtx } from '../src/email/system-ctx';
import { addressBackoffMinutes, requestEmailLink, REQUESTER_RATE_MAX } from '../src/services/auth/request-email-link';
import { countingD1 } from '../src/lib/d1-count';
import type { Env } from '../src/env';
import { waitFor } from './email-support';
import { api, db, ok, seedUser } from './helpers';

/** The sign-in mail for this address, once queued (the link is mailed in the background). */
async function signInMail(email: string) {
  return waitFor(`a sign-in mail to ${email}`, async () => {
    const rows = await db().select().from(emailMessages).where(eq(emailMessages.kind, 'sign_in'));
    const mine = rows.filter((r) => r.toJson.includes(email));
    return mine.length ? mine.at(-1) : undefined;
  });
}

async function linkToken(email: string) {
  const mail = await signInMail(email);
  const body = (await (await env.FILES.get(mail.bodyR2Key!))!.json()) as { html: string; text: string };
  const url = new URL(/http:\/\/\S+\/auth\/complete\?token=\S+/.exec(body.text)![0]);
  return { token: url.searchParams.get('token')!, mail, body };
}

describe('sign-in by email', () => {
  it('answers 202 alike for known and unknown addresses, and mails a link only to the known one', async () => {
    const user = await seedUser({ name: 'Ana Ruiz' });
    const known = await api(null, 'POST', '/api/v1/auth/email-link', { email: user.email.toUpperCase() });
    const unknown = await api(null, 'POST', '/api/v1/auth/email-link', { email: 'nobody@nowhere.example' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const { mail, body } = await linkToken(user.email);
    expect(mail).toMatchObject({ kind: 'sign_in', subject: 'Your sign-in link for Progress Billing', fromEmail: 'no-reply@reply.localhost', threadId: null });
    expect(body.html).toContain('/auth/complete?token=pbl_');
    const signIns = await db().select().from(emailMessages).where(eq(emailMessages.kind, 'sign_in'));
    expect(signIns.some((m) => m.toJson.includes(user.email))).toBe(true);
    expect(signIns.some((m) => m.toJson.includes('nobody@nowhere.example'))).toBe(false);
    // it goes out through the same path as invoice mail (local outbox here)
    await deliverMessage({ ctx: systemCtx(env), input: { messageId: mail.id } });
    expect((await db().select().from(emailMessages).where(eq(emailMessages.id, mail.id)))[0]!.providerMessageId).toMatch(/^local-/);
  });

  it('the link page exchanges the one-time token (once) for a 30-day session token', async () => {
    const user = await seedUser({ name: 'María' });
    await ok(202, '', 'POST', '/api/v1/auth/email-link', { email: user.email });
    const { token } = await linkToken(user.email);

    const page = await SELF.fetch(`http://localhost/auth/complete?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+' https:\/\/appsforoffice\.microsoft\.com/);
    const html = await page.text();
    expect(html).toContain('Office.context.ui.messageParent');
    expect(html).toContain("fetch('/api/v1/auth/exchange'");
    // the GET itself consumes nothing (mail scanners prefetch links)
    expect((await db().select().from(authEmailLinks).where(eq(authEmailLinks.userId, user.id)))[0]!.usedAt).toBeNull();

    const session = await ok(200, '', 'POST', '/api/v1/auth/exchange', { token });
    expect(session.token).toMatch(/^pbs_/);
    expect(session.user).toEqual({ id: user.id, name: 'María', email: user.email });
    const days = (Date.parse(session.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect((await ok(200, session.token, 'GET', '/api/v1/me')).user.id).toBe(user.id);

    const again = await api(null, 'POST', '/api/v1/auth/exchange', { token });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toMatch(/already used/);
  });

  it('an expired link does not work', async () => {
    const user = await seedUser();
    await ok(202, '', 'POST', '/api/v1/auth/email-link', { email: user.email });
    const { token } = await linkToken(user.email);
    await db()
      .update(authEmailLinks)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(authEmailLinks.userId, user.id));
    expect((await api(null, 'POST', '/api/v1/auth/exchange', { token })).status).toBe(401);
  });

  it('sessions are listed, revoked one by one, signed out, or all at once; API tokens stay', async () => {
    const user = await seedUser();
    const sessions: string[] = [];
    for (let i = 0; i < 3; i++) {
      await ok(202, '', 'POST', '/api/v1/auth/email-link', { email: user.email });
      await waitFor(
        'a new link',
        async () =>
          (await db().select().from(emailMessages).where(eq(emailMessages.kind, 'sign_in'))).filter((r) => r.toJson.includes(user.email)).length === i + 1,
      );
      sessions.push((await ok(200, '', 'POST', '/api/v1/auth/exchange', { token: (await linkToken(user.email)).token })).token);
    }
    const list = await ok(200, sessions[0]!, 'GET', '/api/v1/auth/sessions');
    expect(list.sessions).toHaveLength(3);
    expect(list.sessions.filter((s: any) => s.isCurrent)).toHaveLength(1);

    // sign out (the current session)
    await ok(200, sessions[0]!, 'POST', '/api/v1/auth/sessions/revoke');
    expect((await api(sessions[0]!, 'GET', '/api/v1/me')).status).toBe(401);
    // revoke one by id; another user's session id is not found
    const other = await seedUser();
    const [second] = (await ok(200, sessions[1]!, 'GET', '/api/v1/auth/sessions')).sessions.filter((s: any) => s.isCurrent);
    expect((await api(other.token, 'DELETE', `/api/v1/auth/sessions/${second.id}`)).status).toBe(404);
    await ok(200, sessions[2]!, 'DELETE', `/api/v1/auth/sessions/${second.id}`);
    expect((await api(sessions[1]!, 'GET', '/api/v1/me')).status).toBe(401);
    // everywhere
    expect((await ok(200, sessions[2]!, 'DELETE', '/api/v1/auth/sessions')).revoked).toHaveLength(1);
    expect((await api(sessions[2]!, 'GET', '/api/v1/me')).status).toBe(401);
    // the script's API token is not a session
    expect((await ok(200, user.token, 'GET', '/api/v1/me')).user.id).toBe(user.id);
    const r = await api(user.token, 'POST', '/api/v1/auth/sessions/revoke');
    expect(r.status).toBe(409);
    expect((await ok(200, user.token, 'GET', '/api/v1/me')).user.id).toBe(user.id);
  });

  it('does the same database work for a known and an unknown address before answering (no timing oracle)', async () => {
    const user = await seedUser();
    const work = async (email: string) => {
      const count = { statements: 0, roundTrips: 0 };
      const deferred: Array<Promise<unknown>> = [];
      const e = { ...(env as unknown as Env), DB: countingD1(env.DB, count) };
      await requestEmailLink({ ctx: systemCtx(e), input: { email, requesterIp: '192.0.2.44', waitUntil: (p) => deferred.push(p) } });
      const before = { ...count };
      await Promise.all(deferred);
      return { before, deferred: deferred.length };
    };
    const known = await work(user.email);
    const unknown = await work('nobody-at-all@nowhere.example');
    expect(known.before).toEqual(unknown.before);
    expect([known.deferred, unknown.deferred]).toEqual([1, 0]); // only the known address is mailed, after answering
  });

  it('limits the requester, not the address: a flood from one place cannot lock a user out of sign-in', async () => {
    const user = await seedUser();
    const from = (ip: string, email: string) => api(null, 'POST', '/api/v1/auth/email-link', { email }, { 'cf-connecting-ip': ip });
    // an attacker floods the victim's address: 202 while under its own limit, then 429 for the attacker
    for (let i = 0; i < REQUESTER_RATE_MAX; i++) expect((await from('203.0.113.66', i % 2 ? user.email : `ghost${i}@nowhere.example`)).status).toBe(202);
    const limited = await from('203.0.113.66', user.email);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // the victim, from elsewhere, still gets an answer, and holds working links (the address backs off instead of refusing)
    expect((await from('198.51.100.7', user.email)).status).toBe(202);
    const rows = await db().select().from(authEmailLinks).where(eq(authEmailLinks.email, user.email));
    const mailed = rows.filter((r) => r.tokenHash);
    expect(mailed.length).toBeGreaterThanOrEqual(5);
    expect(mailed.length).toBeLessThan(rows.length);
    expect([4, 5, 6, 7, 20].map(addressBackoffMinutes)).toEqual([0, 2, 4, 8, 60]);
    const bad = await api(null, 'POST', '/api/v1/auth/email-link', { email: 'not an address' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'email', message: 'not a valid email address' });
  });
});
