import { useMemo } from 'react';
import { defaultServerUrl, loadCredentials } from '../auth/credentials';
import { createEmailApi, type EmailApi } from './api';

/** The email client on the pane's sign-in (server and token read from the pane's storage on each request). */
export function useEmailApi(): EmailApi {
  return useMemo(
    () =>
      createEmailApi({
        baseUrl: loadCredentials()?.serverUrl ?? defaultServerUrl(),
        getToken: () => loadCredentials()?.token ?? null,
      }),
    [],
  );
}
