import { useMemo } from 'react';
import { defaultServerUrl, loadCredentials } from './credentials';

type ClientOptions = { baseUrl: string; getToken: () => string | null };

/**
 * An API client on the pane's sign-in, made once per component: the server is read when the client
 * is made, the token on each request (so signing in again needs no new client).
 */
export function useSignedInClient<T>(create: (options: ClientOptions) => T): T {
  return useMemo(() => create({ baseUrl: loadCredentials()?.serverUrl ?? defaultServerUrl(), getToken: () => loadCredentials()?.token ?? null }), [create]);
}
