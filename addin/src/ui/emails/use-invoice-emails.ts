import { useCallback, useEffect, useRef, useState } from 'react';
import type { TEmailThreadView } from '@shared/api/emails';
import type { EmailApi } from '../../api';
import { mergeThreads } from './merge-threads';

export const POLL_MS = 5_000;
/** every Nth poll reads everything again: status changes of messages already shown (sent → delivered) */
const FULL_READ_EVERY = 4;

export type InvoiceEmailsState = {
  threads: TEmailThreadView[];
  isLoading: boolean;
  error: unknown;
  /** read everything again now (after sending) */
  reload: () => Promise<void>;
};

/** The invoice's threads, then only what is new (`?since=cursor`) every ~5 s while the pane is visible. */
export function useInvoiceEmails(api: EmailApi, invoiceId: string): InvoiceEmailsState {
  const [threads, setThreads] = useState<TEmailThreadView[]>([]);
  const [isLoading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const cursor = useRef<string | null>(null);
  const ticks = useRef(0);
  const inFlight = useRef(false);

  const read = useCallback(
    async (full: boolean) => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        const answer = await api.list(invoiceId, full ? null : cursor.current);
        cursor.current = answer.cursor ?? cursor.current;
        setThreads((current) => (full ? mergeThreads([], answer.threads) : mergeThreads(current, answer.threads)));
        setError(null);
      } catch (err) {
        setError(err);
      } finally {
        inFlight.current = false;
        setLoading(false);
      }
    },
    [api, invoiceId],
  );

  useEffect(() => {
    cursor.current = null;
    ticks.current = 0;
    setThreads([]);
    setLoading(true);
    void read(true);
    const timer = setInterval(() => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      ticks.current += 1;
      void read(ticks.current % FULL_READ_EVERY === 0 || cursor.current === null);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [read]);

  const reload = useCallback(async () => {
    // wait for a poll in flight so the fresh read is not skipped
    for (let i = 0; i < 50 && inFlight.current; i++) await new Promise((r) => setTimeout(r, 50));
    await read(true);
  }, [read]);

  return { threads, isLoading, error, reload };
}
