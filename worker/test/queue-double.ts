// Test support for the queue consumer: a Queues message whose ack/retry are recorded, and the
// job-handler table restored after each test that swaps a handler.
import { afterEach } from 'vitest';
import { jobHandlers } from '../src/queues/jobs';

export type FakeMessage = {
  id: string;
  body: unknown;
  attempts: number;
  acked: boolean;
  retried: number | null;
  ack(): void;
  retry(o?: { delaySeconds?: number }): void;
};

export function fakeMessage(body: unknown, attempts = 1, id: string = crypto.randomUUID()): FakeMessage {
  return {
    id,
    body,
    attempts,
    acked: false,
    retried: null,
    ack() {
      this.acked = true;
    },
    retry(o) {
      this.retried = o?.delaySeconds ?? 0;
    },
  };
}

/** Puts back the real job handlers (and drops added ones) after each test of the calling file. */
export function restoreJobHandlersAfterEach(): void {
  const saved = { ...jobHandlers };
  afterEach(() => {
    for (const k of Object.keys(jobHandlers)) delete jobHandlers[k];
    Object.assign(jobHandlers, saved);
  });
}
