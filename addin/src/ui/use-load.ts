import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from './workspace/error-text';

export type Loaded<T> = { data: T | null; error: string | null; isLoading: boolean; reload: () => void };

/**
 * Data that loads when its key changes (null: nothing to load); stale answers (the user moved on,
 * or reloaded again) are dropped, so a slow answer never overwrites a newer one. `reload()` fetches
 * the same key again and keeps showing the current data meanwhile.
 */
export function useLoad<T>(key: string | null, load: (key: string) => Promise<T>): Loaded<T> {
  const { t } = useI18n();
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({ key: null, data: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!key) return;
    let isCurrent = true;
    load(key).then(
      (data) => isCurrent && setState({ key, data, error: null }),
      (err: unknown) => isCurrent && setState({ key, data: null, error: errorText(err, t) }),
    );
    return () => {
      isCurrent = false;
    };
    // `load` is recreated each render; the key (and an explicit reload) decide when to fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const isCurrent = state.key === key;
  return { data: isCurrent ? state.data : null, error: isCurrent ? state.error : null, isLoading: !!key && !isCurrent, reload };
}
