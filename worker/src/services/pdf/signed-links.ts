import { eq } from 'drizzle-orm';
import { makeDb } from '../../db/client';
import { signingKeys } from '../../db/schema';
import type { Env } from '../../env';
import { AppError } from '../../lib/app-error';
import { newSecret } from '../../lib/ids';

// Short-lived signed links: a browser window or an Office dialog can open a PDF without sending
// an Authorization header. The link names the user and an expiry, signed with HMAC-SHA-256; the
// download still runs every permission check as that user, so a link never grants more than the
// user has at the moment it is used.

type SigningEnv = Env;

export const LINK_TTL_SECONDS = 300;

const keys = new WeakMap<object, Promise<CryptoKey>>();

/**
 * The key: the DOWNLOAD_SIGNING_KEY secret. Only in local development (DEV_MODE=1) is a random key
 * generated once and kept in D1; a deployment without the secret refuses to sign or verify rather
 * than keep a signing key in plain text in its database.
 */
async function loadSecret(env: SigningEnv): Promise<string> {
  if (env.DOWNLOAD_SIGNING_KEY) return env.DOWNLOAD_SIGNING_KEY;
  if (env.DEV_MODE !== '1')
    throw new AppError('NOT_CONFIGURED', 'Signed download links need the DOWNLOAD_SIGNING_KEY secret (wrangler secret put DOWNLOAD_SIGNING_KEY)');
  const db = makeDb(env.DB);
  // first use: concurrent isolates may race; INSERT OR IGNORE keeps the first key, everyone reads it back
  await db.insert(signingKeys).values({ id: 'download-links', secret: newSecret() }).onConflictDoNothing();
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.id, 'download-links'));
  return row!.secret;
}

function signingKey(env: SigningEnv): Promise<CryptoKey> {
  let key = keys.get(env.DB);
  if (!key) {
    key = loadSecret(env).then((secret) =>
      crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    );
    key.catch(() => keys.delete(env.DB));
    keys.set(env.DB, key);
  }
  return key;
}

const payload = (path: string, userId: string, expires: number) => `${path}\n${userId}\n${expires}`;

function toB64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromB64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Query parameters that let `path` be fetched as `userId` until `expires` (Unix seconds). */
export async function signPath(
  env: Env,
  path: string,
  userId: string,
  nowMs = Date.now(),
): Promise<{ uid: string; exp: string; sig: string; expiresAt: string }> {
  const expires = Math.floor(nowMs / 1000) + LINK_TTL_SECONDS;
  const sig = await crypto.subtle.sign('HMAC', await signingKey(env), new TextEncoder().encode(payload(path, userId, expires)));
  return { uid: userId, exp: String(expires), sig: toB64url(sig), expiresAt: new Date(expires * 1000).toISOString() };
}

/** The user a signed link acts for; 401 when the signature is wrong or the link has expired. */
export async function verifySignedPath(env: Env, path: string, q: { uid?: string; exp?: string; sig?: string }, nowMs = Date.now()): Promise<string> {
  const expires = Number(q.exp);
  const sig = q.sig ? fromB64url(q.sig) : null;
  if (!q.uid || !Number.isSafeInteger(expires) || !sig) throw new AppError('UNAUTHENTICATED', 'The link is incomplete: it needs uid, exp and sig');
  const isValid = await crypto.subtle.verify('HMAC', await signingKey(env), sig, new TextEncoder().encode(payload(path, q.uid, expires)));
  if (!isValid) throw new AppError('UNAUTHENTICATED', 'The link signature is not valid');
  if (expires * 1000 < nowMs) throw new AppError('UNAUTHENTICATED', 'The link has expired; ask for a new one');
  return q.uid;
}
