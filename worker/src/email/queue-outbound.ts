import { eq } from 'drizzle-orm';
import { emailMessageFiles, emailMessages } from '../db/schema';
import { AppError } from '../lib/app-error';
import { runBatch, type BatchStatement } from '../lib/batch';
import type { Person } from './addresses';
import { requireMailTransport } from './postmark-client';
import { outboundBodyKey } from './r2-keys';
import type { SystemCtx } from './system-ctx';

export type OutboundFile = { attachmentId: string; fileName: string; contentType: string; sizeBytes: number; r2Key: string };

export type OutboundDraft = {
  id: string;
  kind: 'invoice' | 'sign_in' | 'notice';
  threadId: string | null;
  projectId: string | null;
  /** the person sending (shown on the thread); the From header is built from it at delivery */
  from: Person;
  /** the thread's reply address: From and Reply-To of the delivered mail when set */
  replyTo: string | null;
  to: Person[];
  cc: Person[];
  subject: string;
  messageText: string;
  html: string;
  text: string;
  internetMessageId: string;
  inReplyTo: string | null;
  references: string | null;
  locale: string;
  sentBy: string | null;
  files: OutboundFile[];
};

export type DeliverJob = { type: 'email.deliver'; messageId: string };

/**
 * Records an outbound message (body in R2, row + files in one atomic batch with `before`, e.g. the
 * new thread) as `queued`, then queues its delivery. The message exists before delivery starts, so
 * the sender sees it at once and a lost queue message can be re-queued from the row.
 */
export async function queueOutbound(ctx: SystemCtx, draft: OutboundDraft, before: BatchStatement[] = []) {
  requireMailTransport(ctx.env);
  const bodyR2Key = outboundBodyKey(draft.projectId, draft.id);
  await ctx.env.FILES.put(bodyR2Key, JSON.stringify({ html: draft.html, text: draft.text }), {
    httpMetadata: { contentType: 'application/json' },
  });
  const row = {
    id: draft.id,
    kind: draft.kind,
    direction: 'outbound' as const,
    threadId: draft.threadId,
    projectId: draft.projectId,
    status: 'queued' as const,
    fromEmail: draft.from.email,
    fromName: draft.from.name,
    toJson: JSON.stringify(draft.to),
    ccJson: JSON.stringify(draft.cc),
    replyTo: draft.replyTo,
    subject: draft.subject,
    messageText: draft.messageText,
    bodyR2Key,
    internetMessageId: draft.internetMessageId,
    inReplyTo: draft.inReplyTo,
    referencesHeader: draft.references,
    locale: draft.locale,
    sentBy: draft.sentBy,
  };
  await runBatch(ctx.env.DB, [
    ...before,
    ctx.db.insert(emailMessages).values(row),
    ...draft.files.map((f, position) => ctx.db.insert(emailMessageFiles).values({ messageId: draft.id, position, ...f })),
  ]);
  try {
    await ctx.env.JOBS.send({ type: 'email.deliver', messageId: draft.id } satisfies DeliverJob);
  } catch (err) {
    const reason = `Could not queue the message for delivery: ${err instanceof Error ? err.message : String(err)}`;
    await ctx.db.update(emailMessages).set({ status: 'failed', failureReason: reason }).where(eq(emailMessages.id, draft.id));
    throw new AppError('INTERNAL', 'The message was recorded but could not be queued for delivery; try sending again');
  }
  return row;
}
