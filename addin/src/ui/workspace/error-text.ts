import { isApiError, NetworkError } from '../../api';
import type { MessageKey, Params } from '../../i18n';

/** A user-facing sentence for any failure: the server's message (already specific), or "offline". */
export function errorText(err: unknown, t: (key: MessageKey, params?: Params) => string): string {
  if (err instanceof NetworkError) return t('common.offline');
  if (isApiError(err)) return err.message;
  return err instanceof Error ? err.message : String(err);
}
