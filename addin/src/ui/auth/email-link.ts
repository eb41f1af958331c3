// Sign-in by email, the pane's side: ask for a one-time link (POST /api/v1/auth/email-link, always
// 202), then open the link's /auth/complete page in an Office dialog (or, outside Office, a window)
// which exchanges the one-time token and hands the session back (messageParent / postMessage).
import { createApiClient } from '../../api';
import { DialogError, eventErrorMessage, officeUi, openDialog } from './office-dialog';

export type SessionMessage = { type: 'pb-session'; token: string; expiresAt: string; user: { id: string; name: string; email: string } };
export type SessionError = { type: 'pb-session-error'; message: string };

/** Asks for the link through the API client (no token yet); a refusal is an ApiError with the server's message. */
export async function requestEmailLink(serverUrl: string, email: string): Promise<void> {
  await createApiClient({ baseUrl: serverUrl, getToken: () => null }).auth.requestEmailLink(email);
}

/** The pasted link (or just its token) → the /auth/complete URL on the chosen server; null if no token. */
export function completeUrl(serverUrl: string, pasted: string): string | null {
  const text = pasted.trim();
  if (!text) return null;
  let token = text;
  try {
    const u = new URL(text);
    token = u.searchParams.get('token') ?? new URLSearchParams(u.hash.replace(/^#/, '')).get('token') ?? '';
  } catch {
    // not a URL: the token itself
  }
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  return `${serverUrl.replace(/\/+$/, '')}/auth/complete?token=${encodeURIComponent(token)}`;
}

export function parseSessionMessage(data: unknown): SessionMessage | SessionError | null {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const v = value as { type?: unknown; token?: unknown; user?: unknown; message?: unknown } | null;
  if (v?.type === 'pb-session' && typeof v.token === 'string' && v.user) return v as unknown as SessionMessage;
  if (v?.type === 'pb-session-error') return { type: 'pb-session-error', message: String(v.message ?? '') };
  return null;
}

/**
 * The URL the Office dialog opens. Office accepts only the task pane's own origin (12004) over
 * https (12005): when the server is the pane's origin (the worker serves the pane, or the dev
 * server proxies /auth, addin/vite.config.ts) the completion page opens directly; otherwise a
 * static page of the pane's origin (auth-dialog.html) forwards to the server's completion page,
 * which hands the session back with messageParent and targetOrigin = the pane's origin. Office
 * then needs the server's domain in the manifest's AppDomains to deliver it.
 */
export function completionDialogUrl(paneOrigin: string, url: string): string {
  const target = new URL(url);
  if (target.origin === paneOrigin) return url;
  target.searchParams.set('parent', paneOrigin);
  return `${paneOrigin}/auth-dialog.html?to=${encodeURIComponent(target.toString())}`;
}

/** Opens the completion page and resolves with what it hands back (the session or its error). */
export function openCompletion(url: string): Promise<SessionMessage | SessionError> {
  const ui = officeUi();
  if (ui) {
    const paneOrigin = globalThis.location.origin;
    const trusted = new Set([paneOrigin, new URL(url).origin]);
    // Opened inside the user's click (email-sign-in.tsx), so no Office prompt is needed first;
    // a blocked pop-up (12011) is retried with the prompt by openDialog.
    return openDialog(ui, completionDialogUrl(paneOrigin, url), { height: 50, width: 40, promptBeforeOpen: false }).then(
      (dialog) =>
        new Promise((resolve, reject) => {
          dialog.addEventHandler('dialogMessageReceived', (arg) => {
            // origin is reported where DialogOrigin 1.1 is supported; elsewhere it is undefined
            if (arg.origin !== undefined && !trusted.has(arg.origin)) return;
            const msg = parseSessionMessage(arg.message);
            if (!msg) return;
            dialog.close();
            resolve(msg);
          });
          dialog.addEventHandler('dialogEventReceived', (arg) => reject(new DialogError(arg.error ?? null, eventErrorMessage(arg.error))));
        }),
    );
  }
  const origin = new URL(url).origin;
  const win = window.open(url, '_blank');
  if (!win) return Promise.reject(new Error('The browser blocked the sign-in window. Allow pop-ups for this site, then try again.'));
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== origin || e.source !== win) return;
      const msg = parseSessionMessage(e.data);
      if (!msg) return;
      window.removeEventListener('message', onMessage);
      resolve(msg);
    };
    window.addEventListener('message', onMessage);
  });
}

/** auth-dialog.html's target: an https (or this origin's) /auth/complete URL with a token, else null. */
export function forwardTarget(to: string | null, ownOrigin: string = globalThis.location?.origin ?? ''): string | null {
  if (!to) return null;
  try {
    const u = new URL(to);
    const isHttps = u.protocol === 'https:' || u.origin === ownOrigin;
    return isHttps && u.pathname === '/auth/complete' && u.searchParams.has('token') ? u.toString() : null;
  } catch {
    return null;
  }
}
