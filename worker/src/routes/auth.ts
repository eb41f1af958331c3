import { createRoute } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { ZEmailLinkAccepted, ZEmailLinkRequest, ZExchangeLinkToken, ZRevokedSessions, ZSessionGranted, ZSessions } from '@shared/api/emails';
import type { AppBindings } from '../context';
import { systemCtx } from '../email/system-ctx';
import { bearerToken } from '../lib/auth';
import { newSecret, sha256Hex } from '../lib/ids';
import { authErrors, body, errors, json, params, PUBLIC_ERRORS, routes, writeErrors } from '../lib/openapi';
import { completePageCsp, completePageHtml } from '../services/auth/complete-page';
import { exchangeLinkToken } from '../services/auth/exchange-link-token';
import { listSessions } from '../services/auth/list-sessions';
import { requestEmailLink } from '../services/auth/request-email-link';
import { revokeCurrentSession } from '../services/auth/revoke-current-session';
import { revokeSessions } from '../services/auth/revoke-sessions';
import { createApiToken } from '../services/tokens/create-api-token';
import { listApiTokens } from '../services/tokens/list-api-tokens';
import { revokeApiToken } from '../services/tokens/revoke-api-token';
import { ZApiTokenCreated, ZApiTokens, ZCreateApiToken, ZRevokedApiToken } from '@shared/api/tokens';

/** Sign-in without a token yet: mounted at /api/v1 before the authenticated API. */
export const authPublicRoutes = routes()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/email-link',
      summary: 'Mail a one-time sign-in link (no token; 202 whether or not the address has an account; 429 to a requester asking too often; an address backs off)',
      security: [],
      request: { body: body(ZEmailLinkRequest) },
      responses: { 202: json(ZEmailLinkAccepted, 'Accepted, known address or not'), ...errors(PUBLIC_ERRORS, 429) },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      await requestEmailLink({ ctx: systemCtx(c.env), input: { email, requesterIp: c.req.header('cf-connecting-ip') ?? '', waitUntil: (p) => c.executionCtx.waitUntil(p) } });
      return c.json({ message: 'If this address belongs to an account, a sign-in link is on its way. It works once, for 15 minutes.' }, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/exchange',
      summary: "Exchange a sign-in link's one-time token for a 30-day session token",
      security: [],
      request: { body: body(ZExchangeLinkToken) },
      // 401: the token is unknown, used or expired
      responses: { 200: json(ZSessionGranted, 'The session token'), ...errors(PUBLIC_ERRORS, 401) },
    }),
    async (c) => c.json(await exchangeLinkToken({ ctx: systemCtx(c.env), input: c.req.valid('json') }), 200),
  );

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
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/sessions',
      summary: "The user's sign-in sessions",
      responses: { 200: json(ZSessions, 'The sessions'), ...authErrors() },
    }),
    async (c) => c.json(await listSessions({ ctx: c.get('ctx'), input: { currentTokenHash: await currentTokenHash(c) } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sessions/revoke',
      summary: 'Sign out: revoke the session this request uses',
      responses: { 200: json(ZRevokedSessions, 'The revoked session'), ...writeErrors() },
    }),
    async (c) => c.json(await revokeCurrentSession({ ctx: c.get('ctx'), input: { currentTokenHash: await currentTokenHash(c) } }), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/auth/sessions',
      summary: "Sign out everywhere: revoke all of the user's sessions",
      responses: { 200: json(ZRevokedSessions, 'The revoked sessions'), ...writeErrors() },
    }),
    async (c) => c.json(await revokeSessions({ ctx: c.get('ctx'), input: {} }), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/auth/sessions/{id}',
      summary: "Revoke one of the user's sessions",
      request: { params: params('id') },
      responses: { 200: json(ZRevokedSessions, 'The revoked session'), ...writeErrors() },
    }),
    async (c) => c.json(await revokeSessions({ ctx: c.get('ctx'), input: { sessionId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/auth/tokens', summary: 'Create an API token for scripts (expires in 1–365 days, 90 by default; shown once)',
      request: { body: body(ZCreateApiToken) },
      responses: { 201: json(ZApiTokenCreated, 'The token, shown once'), ...writeErrors() },
    }),
    async (c) => c.json(await createApiToken({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/auth/tokens', summary: "The user's API tokens in force", responses: { 200: json(ZApiTokens, 'The tokens (never the secret)'), ...authErrors() } }),
    async (c) => c.json(await listApiTokens({ ctx: c.get('ctx'), input: {} }), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/auth/tokens/{id}', summary: 'Revoke one of your API tokens',
      request: { params: params('id') },
      responses: { 200: json(ZRevokedApiToken, 'The revoked token'), ...writeErrors() },
    }),
    async (c) => c.json(await revokeApiToken({ ctx: c.get('ctx'), input: { tokenId: c.req.valid('param').id } }), 200),
  );
