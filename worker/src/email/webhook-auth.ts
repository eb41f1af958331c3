import type { Env } from '../env';
import { AppError } from '../lib/app-error';

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
}

/** Constant-time comparison of two strings: their SHA-256 digests (same length) compared without early exit. */
async function isSame(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([digest(a), digest(b)]);
  const x = new Uint8Array(da);
  const y = new Uint8Array(db);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/**
 * Postmark webhooks carry no signature: the URL is protected by basic-auth credentials kept as
 * secrets (INBOUND_WEBHOOK_USER / INBOUND_WEBHOOK_PASSWORD). Without them configured every call is
 * refused: a webhook must never be open.
 */
export async function requireWebhookAuth(env: Env, authorization: string | undefined): Promise<void> {
  const user = env.INBOUND_WEBHOOK_USER;
  const password = env.INBOUND_WEBHOOK_PASSWORD;
  if (!user || !password) {
    console.error('Postmark webhook refused: INBOUND_WEBHOOK_USER / INBOUND_WEBHOOK_PASSWORD are not configured');
    throw new AppError('UNAUTHENTICATED', 'Webhook credentials are not configured on this server');
  }
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  let given = '';
  if (m) {
    try {
      given = new TextDecoder().decode(Uint8Array.from(atob(m[1]!), (ch) => ch.charCodeAt(0)));
    } catch {
      given = '';
    }
  }
  if (!(await isSame(given, `${user}:${password}`))) throw new AppError('UNAUTHENTICATED', 'Wrong or missing webhook credentials');
}
