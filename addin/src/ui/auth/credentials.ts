// Where the sign-in lives: the task pane's localStorage, which Office partitions per add-in (and
// per origin), so the API token never enters the workbook and does not travel with the file.
export type Credentials = { serverUrl: string; token: string };

const SERVER_KEY = 'progress-billing.serverUrl';
const TOKEN_KEY = 'progress-billing.token';

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // storage can be disabled (privacy settings): sign-in then lasts for this session only
    return null;
  }
}

/** The page's own origin: the worker serves the task pane, and the dev server proxies /api. */
export function defaultServerUrl(): string {
  const origin = globalThis.location?.origin;
  return origin?.startsWith('http') ? origin : 'http://localhost:8787';
}

export function loadCredentials(): Credentials | null {
  const s = store();
  const token = s?.getItem(TOKEN_KEY);
  if (!token) return null;
  return { serverUrl: s?.getItem(SERVER_KEY) || defaultServerUrl(), token };
}

export function lastServerUrl(): string {
  return store()?.getItem(SERVER_KEY) || defaultServerUrl();
}

export function saveCredentials(c: Credentials): void {
  const s = store();
  s?.setItem(SERVER_KEY, c.serverUrl);
  s?.setItem(TOKEN_KEY, c.token);
}

export function clearToken(): void {
  store()?.removeItem(TOKEN_KEY);
}
