// The pane's first two reads, GET /me (is the stored token still good?) and GET /invoices/{id} (the
// invoice the pane will open), started by a tiny entry script that runs before the main bundle is
// evaluated (addin/src/early-reads-entry.ts in Excel, addin/harness/early-reads-entry.ts in the
// harness; built as their own chunks by addin/build/early-entries.ts), then handed to the app once.
// The requests go through the one requester (./requester.ts: bearer header, error envelope, base
// URL), so an early answer or failure is exactly what the app's own call would have given.
// This module must stay small: no zod, no route declarations, no React (the build checks it).
import type { Credentials } from '../ui/auth/credentials';
import { createRequester } from './requester';

/** One GET already sent: the client adopts `answer` only for a call building this same request. */
export type EarlyGet = { method: 'GET'; path: string; answer: Promise<unknown> };

export type EarlyReads = {
  me: EarlyGet;
  /**
   * null: the entry did not look for the invoice to open (the app does, as without early reads);
   * else resolves to the read of the invoice it found, or null when there is none to open.
   */
  invoice: Promise<EarlyGet | null> | null;
};

/**
 * The paths of shared/api/routes/projects.ts getMe and invoices.ts getInvoice, restated because
 * importing a route evaluates its zod schemas. A drift cannot go unnoticed: the client adopts an
 * early read only when its own request for the call has this method and path (client.ts `adopt`),
 * and early-reads.test.ts compares them with the declarations.
 */
export const earlyPaths = {
  me: '/me',
  invoice: (invoiceId: string) => `/invoices/${encodeURIComponent(invoiceId)}`,
};

let started: { credentials: Credentials; reads: EarlyReads } | null = null;
/** Set once the app has looked for the reads: an entry script that runs later starts none (nobody would take them). */
let isTakenOrMissed = false;

function get(credentials: Credentials, path: string): EarlyGet {
  const requester = createRequester({ baseUrl: credentials.serverUrl, getToken: () => credentials.token });
  const answer = requester.json<unknown>('GET', path);
  // not an unhandled rejection when nobody takes it (sign-in needed, another invoice opened)
  answer.catch(() => undefined);
  return { method: 'GET', path, answer };
}

/**
 * Sends GET /me at once and, when `invoiceId` is given, GET /invoices/{id} as soon as the id is
 * known; nothing (null) when the app has already looked for early reads (the entry script is
 * async and, on a slow network, could run after the app started).
 */
export function startEarlyReads(credentials: Credentials, invoiceId: Promise<string | null> | null): EarlyReads | null {
  if (isTakenOrMissed) return null;
  const reads: EarlyReads = {
    me: get(credentials, earlyPaths.me),
    invoice: invoiceId ? invoiceId.then((id) => (id ? get(credentials, earlyPaths.invoice(id)) : null)).catch(() => null) : null,
  };
  started = { credentials, reads };
  return reads;
}

/**
 * The reads started early, once: a second call gets null (and no entry script starts any later), and so does a call with other
 * credentials than the reads were sent with (another server or token: those answers are not
 * this user's), in which case they are dropped.
 */
export function takeEarlyReads(credentials: Credentials): EarlyReads | null {
  isTakenOrMissed = true;
  const s = started;
  started = null;
  return s && s.credentials.serverUrl === credentials.serverUrl && s.credentials.token === credentials.token ? s.reads : null;
}
