import { describe, expect, it } from 'vitest';
import type { TBackupJob } from '@shared/api/backup-views';
import type { ApiClient } from '../../api';
import { markSeen, pollDelayMs, watchBackup } from './backup-watch';

const job = (id: string, status: TBackupJob['status'], percent: number): TBackupJob => ({
  id,
  projectId: 'prj',
  status,
  invoiceIds: ['inv1'],
  fileName: 'backup.pdf',
  locale: 'en',
  createdAt: '2026-11-30T07:00:00Z',
  readyAt: status === 'done' ? '2026-11-30T07:01:00Z' : null,
  error: null,
  progress: { partsDone: 0, partCount: 1, invoicesDone: 0, invoicesTotal: 1, percent },
  parts: [],
});

describe('watchBackup', () => {
  it('polls until the job is finished, survives a failed poll, and polls each job once', async () => {
    const answers: Array<TBackupJob | Error> = [job('j1', 'running', 40), new Error('offline'), job('j1', 'done', 100)];
    let calls = 0;
    const api = {
      call: async () => {
        calls++;
        const next = answers.shift();
        if (next instanceof Error) throw next;
        return next;
      },
    } as unknown as ApiClient;
    const delays: number[] = [];
    const sleep = async (ms: number) => {
      delays.push(ms);
    };
    const first = watchBackup(api, job('j1', 'queued', 0), sleep);
    const second = watchBackup(api, job('j1', 'queued', 0), sleep);
    await Promise.race([Promise.all([first, second]), new Promise((_, reject) => setTimeout(() => reject(new Error('watch did not finish')), 2000))]);
    expect(calls).toBe(3);
    expect(delays).toEqual([1000, 1000, 1000]);
    markSeen('j1');
  });

  it('slows down after ten polls', () => {
    expect([0, 9, 10, 50].map(pollDelayMs)).toEqual([1000, 1000, 3000, 3000]);
  });
});
