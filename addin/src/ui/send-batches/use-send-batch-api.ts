import { useMemo } from 'react';
import { defaultServerUrl, loadCredentials } from '../auth/credentials';
import { createSendBatchApi, type SendBatchApi } from './api';

/** The bulk-send client on the pane's sign-in (server and token read from the pane's storage on each request). */
export function useSendBatchApi(): SendBatchApi {
  return useMemo(
    () =>
      createSendBatchApi({
        baseUrl: loadCredentials()?.serverUrl ?? defaultServerUrl(),
        getToken: () => loadCredentials()?.token ?? null,
      }),
    [],
  );
}
