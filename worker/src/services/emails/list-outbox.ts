import { and, desc, eq, inArray } from 'drizzle-orm';
import { emailMessages, emailThreads } from '../../db/schema';
import { parsePeople, replyAddress, type Person } from '../../email/addresses';
import type { SystemCtx } from '../../email/system-ctx';
import { idChunks } from '../../db/client';

export type OutboxEntry = {
  id: string;
  kind: 'invoice' | 'sign_in' | 'notice' | 'inbound';
  status: string;
  threadId: string | null;
  invoiceId: string | null;
  /** the thread's reply address (reply+<token>@…) and its token, the MailboxHash of replies */
  replyAddress: string | null;
  mailboxHash: string | null;
  internetMessageId: string | null;
  from: Person;
  to: Person[];
  cc: Person[];
  subject: string;
  providerMessageId: string | null;
  failureReason: string | null;
  createdAt: string;
  sentAt: string | null;
  html?: string;
  text?: string;
};

/**
 * The local outbox (DEV_MODE pages and /dev/outbox.json): outbound mail newest first, as stored,
 * with the thread's reply address so a reply can be simulated; bodies read from R2 on request.
 */
export async function listOutbox({
  ctx,
  input,
}: {
  ctx: SystemCtx;
  input: { limit: number; messageId?: string; withBodies: boolean };
}): Promise<OutboxEntry[]> {
  const where = input.messageId ? and(eq(emailMessages.direction, 'outbound'), eq(emailMessages.id, input.messageId)) : eq(emailMessages.direction, 'outbound');
  const rows = await ctx.db.select().from(emailMessages).where(where).orderBy(desc(emailMessages.createdAt), desc(emailMessages.id)).limit(input.limit);
  const threadIds = [...new Set(rows.map((r) => r.threadId).filter((x): x is string => !!x))];
  const threads: Array<typeof emailThreads.$inferSelect> = [];
  for (const ids of idChunks(threadIds)) threads.push(...(await ctx.db.select().from(emailThreads).where(inArray(emailThreads.id, ids))));
  return Promise.all(
    rows.map(async (m) => {
      const thread = threads.find((t) => t.id === m.threadId);
      const entry: OutboxEntry = {
        id: m.id,
        kind: m.kind,
        status: m.status,
        threadId: m.threadId,
        invoiceId: thread?.invoiceId ?? null,
        replyAddress: thread ? replyAddress(thread.replyToken, ctx.env.INBOUND_DOMAIN) : null,
        mailboxHash: thread?.replyToken ?? null,
        internetMessageId: m.internetMessageId,
        from: { email: m.fromEmail, name: m.fromName, userId: m.sentBy },
        to: parsePeople(m.toJson),
        cc: parsePeople(m.ccJson),
        subject: m.subject,
        providerMessageId: m.providerMessageId,
        failureReason: m.failureReason,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
      };
      if (input.withBodies && m.bodyR2Key) {
        const obj = await ctx.env.FILES.get(m.bodyR2Key);
        const body = obj ? ((await obj.json()) as { html: string; text: string }) : { html: '', text: '' };
        entry.html = body.html;
        entry.text = body.text;
      }
      return entry;
    }),
  );
}
