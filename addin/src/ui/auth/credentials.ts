// Where the sign-in lives: the task pane's localStorage, so the API token never enters the workbook
// and does not travel with the file. Keys carry Office.context.partitionKey where Office provides
// one: Microsoft's "Persist add-in state and settings" asks private data to be stored in
// partitioned localStorage with that key (Office on the web shares one storage between the add-in
// instances of different documents/contexts otherwise); it is undefined where storage is already
// partitioned, and outside Office.
export type Credentials = { serverUrl: string; token: string };

const SERVER_KEY = 'progress-billing.serverUrl';
const TOKEN_KEY = 'progress-billing.token';

function partitionKey(): string {
  try {
    const key = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office?.context?.partitionKey;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

/** The storage key: partitioned when Office gives a partition key. */
export function storageKey(name: string): string {
  const p = partitionKey();
  return p ? `${p}${name}` : name;
}

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
  const token = s?.getItem(storageKey(TOKEN_KEY));
  if (!token) return null;
  return { serverUrl: s?.getItem(storageKey(SERVER_KEY)) || defaultServerUrl(), token };
}

export function lastServerUrl(): string {
  return store()?.getItem(storageKey(SERVER_KEY)) || defaultServerUrl();
}

export function saveCredentials(c: Credentials): void {
  const s = store();
  s?.setItem(storageKey(SERVER_KEY), c.serverUrl);
  s?.setItem(storageKey(TOKEN_KEY), c.token);
  // A token stored before partitioning (unprefixed key) would stay readable by other contexts.
  if (storageKey(TOKEN_KEY) !== TOKEN_KEY) s?.removeItem(TOKEN_KEY);
}

export function clearToken(): void {
  const s = store();
  s?.removeItem(storageKey(TOKEN_KEY));
  s?.removeItem(TOKEN_KEY);
}
