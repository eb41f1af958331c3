// Invoice-backup compilations the pane is waiting for. Kept outside React on purpose: polling
// goes on when the user leaves the Invoices tab, so the project-level bar (backup-ready-bar.tsx)
// can say a compilation finished wherever the user is.
import { useSyncExternalStore } from 'react';
import { getInvoiceBackup } from '@shared/api/routes/backups';
import type { TBackupJob } from '@shared/api/backup-views';
import type { ApiClient } from '../../api';

export type WatchedBackup = { job: TBackupJob; isSeen: boolean; pollError: string | null };

let watched: WatchedBackup[] = [];
const listeners = new Set<() => void>();
const polling = new Set<string>();

function publish(next: WatchedBackup[]) {
  watched = next;
  for (const l of listeners) l();
}

function update(jobId: string, change: Partial<WatchedBackup>) {
  publish(watched.map((w) => (w.job.id === jobId ? { ...w, ...change } : w)));
}

export const isFinished = (job: Pick<TBackupJob, 'status'>) => job.status === 'done' || job.status === 'failed';

/** Polling delay: quick at first (small backups finish in seconds), then every 3 s. */
export const pollDelayMs = (attempt: number) => (attempt < 10 ? 1000 : 3000);

/** Follow a job until it is done or failed (a job already followed is not polled twice). */
export function watchBackup(api: ApiClient, job: TBackupJob, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<void> {
  if (!watched.some((w) => w.job.id === job.id)) publish([{ job, isSeen: false, pollError: null }, ...watched]);
  if (isFinished(job) || polling.has(job.id)) return Promise.resolve();
  polling.add(job.id);
  return (async () => {
    try {
      for (let attempt = 0; ; attempt++) {
        await sleep(pollDelayMs(attempt));
        try {
          const next = await api.call(getInvoiceBackup, { param: { jobId: job.id } });
          update(job.id, { job: next, pollError: null });
          if (isFinished(next)) return;
        } catch (err) {
          // a dropped connection is retried; the message shows meanwhile
          update(job.id, { pollError: err instanceof Error ? err.message : String(err) });
        }
      }
    } finally {
      polling.delete(job.id);
    }
  })();
}

/** The newest compilation followed in this project (the Invoices tab shows it again when the user comes back). */
export function latestWatchedId(projectId: string): string | null {
  return watched.find((w) => w.job.projectId === projectId)?.job.id ?? null;
}

/** The user has looked at this job's outcome (in the Invoices tab, or by dismissing the bar). */
export function markSeen(jobId: string) {
  if (watched.some((w) => w.job.id === jobId && !w.isSeen)) update(jobId, { isSeen: true });
}

export function useWatchedBackups(): WatchedBackup[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => watched,
  );
}
