// Test support for the email feature: a fake Postmark API behind the postmark client's `fetch`
// (nothing reaches the network), webhook calls, waiting on the queue, and direct service contexts.
import { env, SELF } from 'cloudflare:test';
import type { ServiceCtx } from '../src/context';
import { PostmarkDouble } from './postmark-double';
import type { Env } from '../src/env';
import { serviceCtxFor } from '../src/lib/service-ctx';

export type PostmarkReply = { status: number; body: Record<string, unknown> };
export type PostmarkCall = { method: string; path: string; headers: Headers; body: any };

/** Postmark's API as far as we use it: POST /email (scripted answers) and GET /messages/outbound (by metadata). */
export class FakePostmark extends PostmarkDouble {
  calls: PostmarkCall[] = [];
  accepted: Array<{ id: string; message: any }> = [];
  private script: PostmarkReply[] = [];

  /** Answers for the next POST /email calls, in order; after them every call succeeds. */
  answer(...replies: PostmarkReply[]) {
    this.script.push(...replies);
    return this;
  }

  /** Records a message as accepted without a send call (Postmark has it, our row does not know). */
  remember(id: string, message: any) {
    this.accepted.push({ id, message });
  }

  protected async respond(url: URL, init?: RequestInit): Promise<Response> {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    this.calls.push({ method: init?.method ?? 'GET', path: url.pathname, headers: new Headers(init?.headers), body });
    if (url.pathname === '/email' && init?.method === 'POST') {
      const scripted = this.script.shift();
      if (scripted && scripted.status !== 200) return Response.json(scripted.body, { status: scripted.status });
      const id = crypto.randomUUID();
      this.accepted.push({ id, message: body });
      return Response.json({ To: body.To, SubmittedAt: new Date().toISOString(), MessageID: id, ErrorCode: 0, Message: 'OK', ...scripted?.body });
    }
    if (url.pathname === '/messages/outbound') {
      const wanted = url.searchParams.get('metadata_pbMessageId');
      const found = this.accepted.filter((a) => a.message?.Metadata?.pbMessageId === wanted);
      return Response.json({ TotalCount: found.length, Messages: found.map((a) => ({ MessageID: a.id, ReceivedAt: new Date().toISOString() })) });
    }
    return Response.json({ ErrorCode: 404, Message: 'not faked' }, { status: 404 });
  }

  sends() {
    return this.calls.filter((c) => c.path === '/email');
  }
}

export const WEBHOOK_AUTH = `Basic ${btoa('postmark:test-inbound-secret')}`;

export async function postWebhook(
  path: '/webhooks/postmark/inbound' | '/webhooks/postmark/events',
  payload: unknown,
  authorization: string | null = WEBHOOK_AUTH,
) {
  const res = await SELF.fetch(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** Polls until `check` returns a value (not undefined/false), or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A queue that records what would be sent: drives delivery deterministically by calling the job directly. */
export function recordingQueue() {
  const sent: Array<{ body: any; delaySeconds?: number }> = [];
  return {
    sent,
    queue: {
      send: async (body: unknown, options?: { delaySeconds?: number }) => {
        sent.push({ body, delaySeconds: options?.delaySeconds });
      },
      sendBatch: async (messages: Array<{ body: unknown; delaySeconds?: number }>) => {
        for (const m of messages) sent.push({ body: m.body, delaySeconds: m.delaySeconds });
      },
    } as unknown as Env['JOBS'],
  };
}

/** A service context as the authenticated API builds it, for calling verbs directly. */
export async function serviceCtx(userId: string, overrides: Partial<Env> = {}): Promise<ServiceCtx> {
  return serviceCtxFor({ ...(env as unknown as Env), ...overrides }, userId, { requestId: 'test' });
}

export const fixtureWithToken = <T extends { MailboxHash: string }>(fixture: T, token: string, overrides: Record<string, unknown> = {}): T =>
  JSON.parse(
    JSON.stringify({ ...fixture, ...overrides })
      .replaceAll('THREADTOKEN', token)
      .replaceAll('reply.example.com', env.INBOUND_DOMAIN),
  );

/** What Postmark's receiving server adds for a sender whose domain's SPF record allows it (worker/src/email/sender-auth.ts). */
export const spfPass = (email: string) => ({
  Name: 'Received-SPF',
  Value: `Pass (sender SPF authorized) identity=mailfrom; client-ip=192.0.2.10; helo=mail.example; envelope-from=${email}; receiver=reply@reply.localhost`,
});
