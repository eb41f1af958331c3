import type { ServerClient } from 'postmark';
import type { Env } from '../../env';
import { asPostmarkFailure, isRetryable, postmarkClient } from '../../email/postmark-client';

/** Local development and the benchmark only: where a fake Postmark listens, e.g. http://127.0.0.1:9876 */
type DevEnv = Env & { POSTMARK_API_BASE?: string };

/**
 * The email feature's Postmark client (token, test double, timeout), pointed at POSTMARK_API_BASE
 * when DEV_MODE=1 sets one: the benchmark runs the real worker against a fake Postmark on
 * loopback. Production ignores the variable. null: no token, mail goes to the local outbox.
 */
export function batchPostmarkClient(env: Env): ServerClient | null {
  const client = postmarkClient(env);
  const base = (env as DevEnv).POSTMARK_API_BASE;
  if (client && env.DEV_MODE === '1' && base) {
    const url = new URL(base);
    const path = url.pathname.replace(/\/+$/, '');
    client.setClientOptions({ ...client.getClientOptions(), requestHost: `${url.host}${path}`, useHttps: url.protocol === 'https:' });
  }
  return client;
}

export type PostmarkBatchMessage = Parameters<ServerClient['sendEmailBatch']>[0][number];

export type MessageResult = { isSent: true; messageId: string; submittedAt: string } | { isSent: false; reason: string };

/**
 * What one batch call came to. `results`: Postmark answered 200 (per message, in order: the call
 * succeeds even when single messages fail). `retryable` (429, 5xx): nothing was accepted, send
 * again later. `rejected` (other 4xx): the whole call was refused. `ambiguous` (no answer, a
 * timeout, an unreadable answer): the messages may or may not have been accepted.
 */
export type CallOutcome = { kind: 'results'; results: MessageResult[] } | { kind: 'retryable' | 'rejected' | 'ambiguous'; reason: string };

export async function sendBatchCall(client: ServerClient, messages: PostmarkBatchMessage[]): Promise<CallOutcome> {
  let answer: unknown;
  try {
    answer = await client.sendEmailBatch(messages);
  } catch (err) {
    const f = asPostmarkFailure(err);
    if (!f.statusCode) return { kind: 'ambiguous', reason: `Postmark could not be reached: ${f.message}` };
    const reason = `Postmark answered ${f.statusCode}${f.code ? ` (error ${f.code})` : ''}: ${f.message}`;
    return { kind: isRetryable(f) ? 'retryable' : 'rejected', reason };
  }
  if (!Array.isArray(answer) || answer.length !== messages.length) {
    return { kind: 'ambiguous', reason: `Postmark's answer to a batch of ${messages.length} did not list one result per message` };
  }
  const results = answer.map((r: { ErrorCode?: number; Message?: string; MessageID?: string; SubmittedAt?: string }): MessageResult => {
    if (r.ErrorCode === 0 && r.MessageID) {
      const t = r.SubmittedAt ? Date.parse(r.SubmittedAt) : NaN;
      return { isSent: true, messageId: r.MessageID, submittedAt: Number.isNaN(t) ? new Date().toISOString() : new Date(t).toISOString() };
    }
    return { isSent: false, reason: `Postmark error ${r.ErrorCode ?? '?'}: ${r.Message ?? 'no message'}` };
  });
  return { kind: 'results', results };
}
