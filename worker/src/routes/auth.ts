import { Hono, type Context } from 'hono';
import { ZEmailLinkRequest, ZExchangeLinkToken } from '@shared/api/emails';
import type { AppBindings } from '../context';
import { systemCtx } from '../email/system-ctx';
import { newSecret, sha256Hex } from '../lib/ids';
import { describe } from '../lib/openapi';
import { readJson } from '../lib/validate';
import { completePageCsp, completePageHtml } from '../services/auth/complete-page';
import { exchangeLinkToken } from '../services/auth/exchange-link-token';
import { listSessions } from '../services/auth/list-sessions';
import { requestEmailLink } from '../services/auth/request-email-link';
import { revokeCurrentSession } from '../services/auth/revoke-current-session';
import { revokeSessions } from '../services/auth/revoke-sessions';

/** Sign-in without a token yet: mounted at /api/v1 before the authenticated API. */
export const authPublicRoutes = new Hono<AppBindings>();

describe({ method: 'post', path: '/api/v1/auth/email-link', summary: 'Mail a one-time sign-in link (no token; always 202; rate-limited per address)', body: ZEmailLinkRequest });
authPublicRoutes.post('/auth/email-link', async (c) => {
  const { email } = await readJson(c, ZEmailLinkRequest);
  await requestEmailLink({ ctx: systemCtx(c.env), input: { email, waitUntil: (p) => c.executionCtx.waitUntil(p) } });
  return c.json({ message: 'If this address belongs to an account, a sign-in link is on its way. It works once, for 15 minutes.' }, 202);
});

describe({ method: 'post', path: '/api/v1/auth/exchange', summary: "Exchange a sign-in link's one-time token for a 30-day session token", body: ZExchangeLinkToken });
authPublicRoutes.post('/auth/exchange', async (c) => c.json(await exchangeLinkToken({ ctx: systemCtx(c.env), input: await readJson(c, ZExchangeLinkToken) })));

/** The page the link opens, on the app itself (outside /api). */
export const authPageRoutes = new Hono<AppBindings>();
authPageRoutes.get('/complete', (c) => {
  const nonce = newSecret();
  return c.html(completePageHtml(c.env.APP_NAME, nonce), 200, {
    'content-security-policy': completePageCsp(nonce),
    // the URL holds a one-time token: never send it as a Referer (Office.js comes from a CDN)
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
});

/** Session management for the signed-in user: under the authenticated API. */
export const authRoutes = new Hono<AppBindings>();

const currentTokenHash = (c: Context<AppBindings>) => sha256Hex(/^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '');

describe({ method: 'get', path: '/api/v1/auth/sessions', summary: "The user's sign-in sessions" });
authRoutes.get('/auth/sessions', async (c) => c.json(await listSessions({ ctx: c.get('ctx'), input: { currentTokenHash: await currentTokenHash(c) } })));

describe({ method: 'post', path: '/api/v1/auth/sessions/revoke', summary: 'Sign out: revoke the session this request uses' });
authRoutes.post('/auth/sessions/revoke', async (c) => c.json(await revokeCurrentSession({ ctx: c.get('ctx'), input: { currentTokenHash: await currentTokenHash(c) } })));

describe({ method: 'delete', path: '/api/v1/auth/sessions', summary: 'Sign out everywhere: revoke all of the user\'s sessions' });
authRoutes.delete('/auth/sessions', async (c) => c.json(await revokeSessions({ ctx: c.get('ctx'), input: {} })));

describe({ method: 'delete', path: '/api/v1/auth/sessions/:id', summary: 'Revoke one of the user\'s sessions' });
authRoutes.delete('/auth/sessions/:id', async (c) => c.json(await revokeSessions({ ctx: c.get('ctx'), input: { sessionId: c.req.param('id') } })));
