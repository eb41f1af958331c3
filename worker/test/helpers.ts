import { env, SELF } from 'cloudflare:test';
import { buildRequest, type CallInput, type CallOutput, type RouteDecl } from '@shared/api/call';
import { makeDb } from '../src/db/client';
import { apiTokens, companies, users } from '../src/db/schema';
import { newId, newSecret, sha256Hex } from '../src/lib/ids';

export const db = () => makeDb(env.DB);

export async function seedCompany(name = 'Company') {
  const id = newId('co');
  await db().insert(companies).values({ id, name });
  return id;
}

/** A user with an API token; returns the user id and the plain token. */
export async function seedUser(opts: { name?: string; email?: string; companyId?: string } = {}) {
  const companyId = opts.companyId ?? (await seedCompany());
  const id = newId('usr');
  const email = opts.email ?? `${id}@example.com`;
  await db()
    .insert(users)
    .values({ id, companyId, email, name: opts.name ?? 'User' });
  const token = newSecret('pb_');
  await db()
    .insert(apiTokens)
    .values({ id: newId('tok'), userId: id, tokenHash: await sha256Hex(token) });
  return { id, token, email, companyId };
}

export type ApiResult<T = any> = { status: number; body: T; headers: Headers };

export async function api<T = any>(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const res = await SELF.fetch(`http://localhost${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Like api() but fails the test with the error envelope when the status is not the expected one. */
export async function ok<T = any>(expected: number, token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const r = await api<T>(token, method, path, body, headers);
  if (r.status !== expected) throw new Error(`${method} ${path} → ${r.status}, expected ${expected}: ${JSON.stringify(r.body).slice(0, 2000)}`);
  return r.body;
}

/**
 * A person of another company joins a project the only way there is (docs/security-rules.md
 * "Membership"): invited by email by an admin, then accepting with their own token. Levels none on
 * both tools = one of the project's people (may be named invoice contact) without membership.
 */
export async function joinByInvitation(
  adminToken: string,
  projectId: string,
  user: { token: string; email: string },
  levels: { primeContracts?: string; commitments?: string } = {},
) {
  const invited = await ok(202, adminToken, 'POST', `/api/v1/projects/${projectId}/members`, {
    email: user.email,
    primeContracts: levels.primeContracts ?? 'none',
    commitments: levels.commitments ?? 'none',
  });
  return ok(200, user.token, 'POST', `/api/v1/invitations/${invited.invitation.id}/accept`);
}

/**
 * A typed call of a declared route (shared/api/routes/), built the way the add-in's client builds
 * it (shared/api/call.ts): the path, method and body come from the declaration, the answer is
 * typed by its success schema. Fails the test with the envelope when the status is not `expected`.
 */
export async function call<R extends RouteDecl>(expected: number, token: string | null, route: R, input: CallInput<R>): Promise<CallOutput<R>> {
  const r = buildRequest(route, input);
  const res = await api<CallOutput<R>>(token, r.method, `/api/v1${r.path}`, r.json, r.headers);
  if (res.status !== expected) throw new Error(`${r.method} ${r.path} → ${res.status}, expected ${expected}: ${JSON.stringify(res.body).slice(0, 2000)}`);
  return res.body;
}
