// Sign-in by email, the pane's side: ask for a one-time link (POST /api/v1/auth/email-link, always
// 202), then open the link's /auth/complete page in an Office dialog (or, outside Office, a window)
// which exchanges the one-time token and hands the session back (messageParent / postMessage).
export type SessionMessage = { type: 'pb-session'; token: string; expiresAt: string; user: { id: string; name: string; email: string } };
export type SessionError = { type: 'pb-session-error'; message: string };

export async function requestEmailLink(serverUrl: string, email: string): Promise<void> {
  const res = await fetch(`${serverUrl.replace(/\/+$/, '')}/api/v1/auth/email-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: email.trim() }),
  });
  if (res.status !== 202) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  }
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

type OfficeDialog = { addEventHandler: (type: string, handler: (arg: { message?: string; error?: number }) => void) => void; close: () => void };
type OfficeUi = { displayDialogAsync: (url: string, options: object, callback: (r: { status: string; value: OfficeDialog; error?: { message: string } }) => void) => void };

/** Opens the completion page and resolves with what it hands back (the session or its error). */
export function openCompletion(url: string): Promise<SessionMessage | SessionError> {
  const ui = (globalThis as { Office?: { context?: { ui?: OfficeUi } } }).Office?.context?.ui;
  if (ui?.displayDialogAsync) {
    return new Promise((resolve, reject) => {
      ui.displayDialogAsync(url, { height: 50, width: 40, promptBeforeOpen: false }, (r) => {
        if (r.status !== 'succeeded') return reject(new Error(r.error?.message ?? 'The sign-in dialog did not open'));
        const dialog = r.value;
        dialog.addEventHandler('dialogMessageReceived', (arg) => {
          const msg = parseSessionMessage(arg.message);
          if (!msg) return;
          dialog.close();
          resolve(msg);
        });
        dialog.addEventHandler('dialogEventReceived', () => reject(new Error('The sign-in dialog was closed')));
      });
    });
  }
  const origin = new URL(url).origin;
  const win = window.open(url, '_blank');
  if (!win) return Promise.reject(new Error('The browser blocked the sign-in window'));
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
