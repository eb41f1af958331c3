import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { handleQueueBatch, LIGHT_JOBS_IN_FLIGHT } from '../src/queues/consumer';
import { jobHandlers } from '../src/queues/jobs';
import { fakeMessage, restoreJobHandlersAfterEach } from './queue-double';

restoreJobHandlersAfterEach();
const message = (id: string, body: unknown, attempts = 1) => fakeMessage(body, attempts, id);

describe('queue consumer', () => {
  it('runs light jobs side by side, heavy jobs one at a time, acks successes and retries failures with backoff', async () => {
    const log: string[] = [];
    let running = 0;
    let maxHeavy = 0;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    jobHandlers['email.deliver'] = async (job) => {
      log.push(`start ${job.n}`);
      await sleep(30);
      log.push(`end ${job.n}`);
      if (job.n === 2) throw new Error('Postmark 503');
    };
    jobHandlers['test.heavy'] = async () => {
      running++;
      maxHeavy = Math.max(maxHeavy, running);
      await sleep(10);
      running--;
    };
    const msgs = [
      message('a', { type: 'email.deliver', n: 1 }),
      message('b', { type: 'test.heavy' }),
      message('c', { type: 'email.deliver', n: 2 }, 3),
      message('d', { type: 'test.heavy' }),
      message('e', { type: 'no.such.job' }),
    ];
    await handleQueueBatch({ messages: msgs, queue: 'q' } as never, env, createExecutionContext() as never);
    expect(log.slice(0, 2)).toEqual(['start 1', 'start 2']); // both light jobs started before either ended
    expect(maxHeavy).toBe(1);
    expect(msgs.map((m) => [m.id, m.acked, m.retried])).toEqual([
      ['a', true, null],
      ['b', true, null],
      ['c', false, 8],
      ['d', true, null],
      ['e', true, null],
    ]);
  });

  it('runs a full batch of light jobs a window at a time, oldest first, so the first ones finish before the last start', async () => {
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    jobHandlers['email.inbound'] = async (job) => {
      events.push(`start ${job.n}`);
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 2 + ((job.n as number) % 3)));
      running--;
      events.push(`end ${job.n}`);
    };
    const msgs = Array.from({ length: 50 }, (_, n) => message(`m${n}`, { type: 'email.inbound', n }));
    await handleQueueBatch({ messages: msgs, queue: 'q' } as never, env, createExecutionContext() as never);
    expect(events.filter((e) => e.startsWith('start'))).toEqual(msgs.map((_, n) => `start ${n}`)); // in the batch's order
    expect(maxRunning).toBe(LIGHT_JOBS_IN_FLIGHT);
    expect(events.indexOf('end 0')).toBeLessThan(events.indexOf('start 49')); // the oldest is done before the last begins
    expect(msgs.every((m) => m.acked)).toBe(true);
  });
});
