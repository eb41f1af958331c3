// Test support for bulk sending: a fake Postmark batch API behind the postmark client's
// `fetch` (nothing reaches the network), a project with two invoices out of draft, and waiting.
import { env } from 'cloudflare:test';
import { waitFor as pollUntil } from './email-support';
import { PostmarkDouble } from './postmark-double';
import { buildContractWithInvoice } from './builders';
import { ok, seedUser, joinByInvitation } from './helpers';

type Message = { To: string; Subject: string; Metadata?: Record<string, string>; [k: string]: unknown };
/**
 * One scripted answer for a POST /email/batch call: an HTTP error; 'lose-answer': accept the
 * messages, then drop the connection; 'network-error': drop the connection before accepting.
 */
export type BatchAnswer = { status: number; body?: Record<string, unknown> } | 'lose-answer' | 'network-error';

export const addressOf = (to: string) => (/<([^>]+)>/.exec(to)?.[1] ?? to).trim().toLowerCase();

export class FakePostmarkBatch extends PostmarkDouble {
  batchCalls: Array<{ messages: Message[]; status: number }> = [];
  searches: URLSearchParams[] = [];
  accepted: Array<{ id: string; at: string; message: Message }> = [];
  /** addresses Postmark refuses per message (ErrorCode 300), as it does for an invalid or inactive recipient */
  refused = new Set<string>();
  /** runs at the start of each batch call (1-based), before it is answered */
  onCall: ((n: number) => Promise<void>) | null = null;
  private script = new Map<number, BatchAnswer>();

  /** The n-th batch call (1-based) answers this way; every other call is accepted. */
  answerCall(n: number, answer: BatchAnswer) {
    this.script.set(n, answer);
    return this;
  }

  protected async respond(url: URL, init?: RequestInit): Promise<Response> {
    if (url.pathname === '/email/batch' && init?.method === 'POST') {
      const messages = JSON.parse(String(init.body)) as Message[];
      const n = this.batchCalls.length + 1;
      const scripted = this.script.get(n);
      this.batchCalls.push({ messages, status: typeof scripted === 'object' ? scripted.status : 200 });
      await this.onCall?.(n);
      if (scripted === 'network-error') throw new TypeError('Network connection lost.');
      if (typeof scripted === 'object') return Response.json(scripted.body ?? { ErrorCode: 0, Message: 'Internal server error' }, { status: scripted.status });
      if (messages.length > 500) return Response.json({ ErrorCode: 300, Message: 'Too many messages in the batch' }, { status: 422 });
      const results = messages.map((m) => {
        if (this.refused.has(addressOf(m.To))) return { ErrorCode: 300, Message: `Invalid 'To' address: '${addressOf(m.To)}'.`, To: m.To };
        const id = crypto.randomUUID();
        const at = new Date().toISOString();
        this.accepted.push({ id, at, message: m });
        return { ErrorCode: 0, Message: 'OK', MessageID: id, SubmittedAt: at, To: m.To };
      });
      if (scripted === 'lose-answer') throw new TypeError('Network connection lost.');
      return Response.json(results);
    }
    if (url.pathname === '/messages/outbound' && (init?.method ?? 'GET') === 'GET') {
      this.searches.push(url.searchParams);
      const filters = [...url.searchParams].filter(([k]) => k.startsWith('metadata_')).map(([k, v]) => [k.slice('metadata_'.length), v] as const);
      const found = this.accepted.filter((a) => filters.every(([k, v]) => a.message.Metadata?.[k] === v));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const count = Number(url.searchParams.get('count') ?? 100);
      const page = found.slice(offset, offset + count);
      return Response.json({
        TotalCount: found.length,
        Messages: page.map((a) => ({ MessageID: a.id, ReceivedAt: a.at, Metadata: a.message.Metadata ?? {} })),
      });
    }
    return Response.json({ ErrorCode: 404, Message: `not faked: ${init?.method ?? 'GET'} ${url.pathname}` }, { status: 404 });
  }

  /** Every batch item id Postmark accepted, once per acceptance (a duplicate shows twice). */
  acceptedItemIds(): string[] {
    return this.accepted.map((a) => a.message.Metadata?.sendBatchItem ?? '?');
  }
}

/** email-support.ts's waitFor with a longer default: a bulk send runs several queue jobs. */
export function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  return pollUntil(what, check, timeoutMs);
}

export type BulkProject = {
  token: string;
  adminId: string;
  projectId: string;
  contractId: string;
  invoiceIds: string[];
  contact: { id: string; email: string };
};

/** A prime contract with an invoice contact, invoice 1 approved and invoice 2 under review (both sendable). */
export async function buildBulkProject(): Promise<BulkProject> {
  const admin = await seedUser({ name: 'Ana Ruiz' });
  const contact = await seedUser({ name: 'María Gómez', email: `maria.${crypto.randomUUID().slice(0, 8)}@owner.example` });
  const built = await buildContractWithInvoice({ token: admin.token });
  await joinByInvitation(admin.token, built.projectId, contact);
  await ok(200, admin.token, 'PATCH', `/api/v1/contracts/${built.contractId}`, { invoiceContactUserIds: [contact.id] });
  const inv1 = built.invoice.invoice.id as string;
  await ok(200, admin.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'under_review' });
  await ok(200, admin.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'approved' });
  const inv2 = await ok(201, admin.token, 'POST', `/api/v1/contracts/${built.contractId}/invoices`, { billingPeriodId: built.periodIds[1] });
  await ok(200, admin.token, 'POST', `/api/v1/invoices/${inv2.invoice.id}/status`, { status: 'under_review' });
  return { token: admin.token, adminId: admin.id, projectId: built.projectId, contractId: built.contractId, invoiceIds: [inv1, inv2.invoice.id], contact };
}

export const addresses = (n: number, domain = 'owner.example') =>
  Array.from({ length: n }, (_, i) => ({ email: `person${String(i).padStart(4, '0')}@${domain}`, name: `Person ${i}` }));

export const batchesPath = (p: BulkProject) => `/api/v1/projects/${p.projectId}/send-batches`;

/** Registers a batch of both invoices to a chosen list of `n` addresses (2 × n items). */
export async function registerChosen(p: BulkProject, list: Array<{ email: string; name?: string }>, extra: object = {}) {
  return ok(201, p.token, 'POST', batchesPath(p), {
    name: 'Month end',
    selections: [{ contractId: p.contractId, fromNumber: 1, toNumber: 2 }],
    recipients: { mode: 'chosen', addresses: list },
    ...extra,
  });
}

export const progressOf = async (p: BulkProject, batchId: string) => ok(200, p.token, 'GET', `${batchesPath(p)}/${batchId}/progress`);

export const waitForStatus = (p: BulkProject, batchId: string, status: string, timeoutMs?: number) =>
  waitFor(
    `batch ${batchId} to be ${status}`,
    async () => {
      const progress = await progressOf(p, batchId);
      return progress.status === status ? progress : undefined;
    },
    timeoutMs,
  );

export const itemRows = async (batchId: string) =>
  (await env.DB.prepare('SELECT * FROM send_batch_items WHERE batch_id = ?1 ORDER BY position').bind(batchId).all<Record<string, any>>()).results;
