// The auth routes, declared once: served by worker/src/routes/auth.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZEmailLinkAccepted, ZEmailLinkRequest, ZExchangeLinkToken, ZRevokedSessions, ZSessionGranted, ZSessions } from '../emails';
import { ZApiTokenCreated, ZApiTokens, ZCreateApiToken, ZRevokedApiToken } from '../tokens';
import { defineRoute, authErrors, body, errors, json, params, PUBLIC_ERRORS, writeErrors } from '../route-kit';

export const requestEmailLink = defineRoute({
  method: 'post',
  path: '/auth/email-link',
  summary: 'Mail a one-time sign-in link (no token; 202 whether or not the address has an account; 429 to a requester asking too often; an address backs off)',
  security: [],
  request: { body: body(ZEmailLinkRequest) },
  responses: { 202: json(ZEmailLinkAccepted, 'Accepted, known address or not'), ...errors(PUBLIC_ERRORS, 429) },
});

export const exchangeLinkToken = defineRoute({
  method: 'post',
  path: '/auth/exchange',
  summary: "Exchange a sign-in link's one-time token for a 30-day session token",
  security: [],
  request: { body: body(ZExchangeLinkToken) },
  // 401: the token is unknown, used or expired
  responses: { 200: json(ZSessionGranted, 'The session token'), ...errors(PUBLIC_ERRORS, 401) },
});

export const listSessions = defineRoute({
  method: 'get',
  path: '/auth/sessions',
  summary: "The user's sign-in sessions",
  responses: { 200: json(ZSessions, 'The sessions'), ...authErrors() },
});

export const revokeCurrentSession = defineRoute({
  method: 'post',
  path: '/auth/sessions/revoke',
  summary: 'Sign out: revoke the session this request uses',
  responses: { 200: json(ZRevokedSessions, 'The revoked session'), ...writeErrors() },
});

export const revokeSessions = defineRoute({
  method: 'delete',
  path: '/auth/sessions',
  summary: "Sign out everywhere: revoke all of the user's sessions",
  responses: { 200: json(ZRevokedSessions, 'The revoked sessions'), ...writeErrors() },
});

export const revokeSession = defineRoute({
  method: 'delete',
  path: '/auth/sessions/{id}',
  summary: "Revoke one of the user's sessions",
  request: { params: params('id') },
  responses: { 200: json(ZRevokedSessions, 'The revoked session'), ...writeErrors() },
});

export const createApiToken = defineRoute({
  method: 'post',
  path: '/auth/tokens',
  summary: 'Create an API token for scripts (expires in 1–365 days, 90 by default; shown once)',
  request: { body: body(ZCreateApiToken) },
  responses: { 201: json(ZApiTokenCreated, 'The token, shown once'), ...writeErrors() },
});

export const listApiTokens = defineRoute({
  method: 'get',
  path: '/auth/tokens',
  summary: "The user's API tokens in force",
  responses: { 200: json(ZApiTokens, 'The tokens (never the secret)'), ...authErrors() },
});

export const revokeApiToken = defineRoute({
  method: 'delete',
  path: '/auth/tokens/{id}',
  summary: 'Revoke one of your API tokens',
  request: { params: params('id') },
  responses: { 200: json(ZRevokedApiToken, 'The revoked token'), ...writeErrors() },
});
