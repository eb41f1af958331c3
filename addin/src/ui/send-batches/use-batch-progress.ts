import { useEffect, useRef, useState } from 'react';
import type { TSendBatchProgress } from '@shared/api/send-batches';
import type { SendBatchApi } from '../../api';

const POLL_MS = 1000;

/**
 * Live progress: polled every second while the batch is sending, until it is stopped or finished
 * (then `onSettled` runs once, e.g. to reload the batch). Errors keep the last figures and retry.
 */
export function useBatchProgress(api: SendBatchApi, projectId: string, batchId: string, initial: TSendBatchProgress | null, onSettled: () => void) {
  const [progress, setProgress] = useState<TSendBatchProgress | null>(initial);
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => setProgress(initial), [initial]);
  const isSending = progress?.status === 'sending';
  useEffect(() => {
    if (!isSending) return;
    let isLive = true;
    const timer = setInterval(() => {
      api.progress(projectId, batchId).then(
        (p) => {
          if (!isLive) return;
          setProgress(p);
          if (p.status !== 'sending') settled.current();
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      isLive = false;
      clearInterval(timer);
    };
  }, [api, projectId, batchId, isSending]);
  return progress;
}
