import { Hono, type Context } from 'hono';
import type { AppBindings } from '../context';
import { systemCtx } from '../email/system-ctx';
import { bearerToken } from '../lib/auth';
import { newSecret, sha256Hex } from '../lib/ids';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/auth';
import { completePageCsp, completePageHtml } from '../services/auth/complete-page';
import { exchangeLinkToken } from '../services/auth/exchange-link-token';
import { listSessions } from '../services/auth/list-sessions';
import { requestEmailLink } from '../services/auth/request-email-link';
import { revokeCurrentSession } from '../services/auth/revoke-current-session';
import { revokeSessions } from '../services/auth/revoke-sessions';
import { createApiToken } from '../services/tokens/create-api-token';
import { listApiTokens } from '../services/tokens/list-api-tokens';
import { revokeApiToken } from '../services/tokens/revoke-api-token';

/** Sign-in without a token yet: mounted at /api/v1 before the authenticated API. */
export const authPublicRoutes = routes()
  .openapi(def.requestEmailLink, async (c) => {
    const { email } = c.req.valid('json');
    await requestEmailLink({
      ctx: systemCtx(c.env),
      input: { email, requesterIp: c.req.header('cf-connecting-ip') ?? '', waitUntil: (p) => c.executionCtx.waitUntil(p) },
    });
    return c.json({ message: 'If this address belongs to an account, a sign-in link is on its way. It works once, for 15 minutes.' }, 202);
  })
  .openapi(def.exchangeLinkToken, async (c) => c.json(await exchangeLinkToken({ ctx: systemCtx(c.env), input: c.req.valid('json') }), 200));

/** The page the link opens, on the app itself (outside /api): HTML, not part of the JSON API. */
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

const currentTokenHash = (c: Context<AppBindings>) => sha256Hex(bearerToken(c.req.header('authorization')) ?? '');

/** Session management for the signed-in user: under the authenticated API. */
export const authRoutes = routes()
  .openapi(def.listSessions, async (c) => c.json(await listSessions({ ctx: c.get('ctx'), input: { currentTokenHash: await currentTokenHash(c) } }), 200))
  .openapi(def.revokeCurrentSession, async (c) =>
    c.json(await revokeCurrentSession({ ctx: c.get('ctx'), input: { currentTokenHash: await currentTokenHash(c) } }), 200),
  )
  .openapi(def.revokeSessions, async (c) => c.json(await revokeSessions({ ctx: c.get('ctx'), input: {} }), 200))
  .openapi(def.revokeSession, async (c) => c.json(await revokeSessions({ ctx: c.get('ctx'), input: { sessionId: c.req.valid('param').id } }), 200))
  .openapi(def.createApiToken, async (c) => c.json(await createApiToken({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201))
  .openapi(def.listApiTokens, async (c) => c.json(await listApiTokens({ ctx: c.get('ctx'), input: {} }), 200))
  .openapi(def.revokeApiToken, async (c) => c.json(await revokeApiToken({ ctx: c.get('ctx'), input: { tokenId: c.req.valid('param').id } }), 200));
