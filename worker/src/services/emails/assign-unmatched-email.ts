import { and, eq, isNull } from 'drizzle-orm';
import type { TEmailMessageView } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { attachments, emailMessageFiles, emailMessages, emailParticipants, emailThreads, emailUnmatchedProjects } from '../../db/schema';
import { AppError, notFound, orNullIfNotFound } from '../../lib/app-error';
import { runBatch, type BatchStatement } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { requireToolAdmin } from '../access/contract-access';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { messageViews } from './message-view';

/**
 * Files an unmatched reply onto a thread (then it is classified on that invoice like any reply).
 * Needs admin on the thread's contract tool, and the reply must be listed for the thread's project.
 */
export async function assignUnmatchedEmail({ ctx, input }: { ctx: ServiceCtx; input: { messageId: string; threadId: string } }): Promise<{ threadId: string; email: TEmailMessageView }> {
  const [thread] = await ctx.db.select().from(emailThreads).where(eq(emailThreads.id, input.threadId)).limit(1);
  if (!thread) throw new AppError('VALIDATION_FAILED', 'No such thread', [{ field: 'threadId', code: 'UNKNOWN_THREAD', message: `No thread ${input.threadId}` }]);
  // A thread on an invoice this user may not see is reported like a missing one.
  const visible = await orNullIfNotFound(loadInvoiceRow(ctx, thread.invoiceId));
  if (!visible) throw new AppError('VALIDATION_FAILED', 'No such thread', [{ field: 'threadId', code: 'UNKNOWN_THREAD', message: `No thread ${input.threadId}` }]);
  const { access } = visible;
  requireToolAdmin(access, 'Filing a reply onto an invoice thread');
  const [row] = await ctx.db
    .select({ message: emailMessages })
    .from(emailUnmatchedProjects)
    .innerJoin(emailMessages, eq(emailMessages.id, emailUnmatchedProjects.messageId))
    .where(and(eq(emailUnmatchedProjects.messageId, input.messageId), eq(emailUnmatchedProjects.projectId, thread.projectId), isNull(emailMessages.threadId)))
    .limit(1);
  if (!row) throw notFound('Unmatched email');
  const message = row.message;
  const [onThread] = await ctx.db
    .select({ email: emailParticipants.email })
    .from(emailParticipants)
    .where(and(eq(emailParticipants.threadId, thread.id), eq(emailParticipants.email, message.fromEmail)))
    .limit(1);
  const files = await ctx.db.select().from(emailMessageFiles).where(eq(emailMessageFiles.messageId, message.id));
  const statements: BatchStatement[] = [
    ctx.db
      .update(emailMessages)
      .set({ threadId: thread.id, projectId: thread.projectId, isFromOutsider: !onThread, unmatchedReason: null })
      .where(and(eq(emailMessages.id, message.id), isNull(emailMessages.threadId))),
    ctx.db.delete(emailUnmatchedProjects).where(eq(emailUnmatchedProjects.messageId, message.id)),
  ];
  for (const f of files.filter((x) => !x.attachmentId)) {
    const attachmentId = newId('att');
    statements.push(
      ctx.db.insert(attachments).values({ id: attachmentId, projectId: thread.projectId, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, r2Key: f.r2Key, origin: 'inbound_email' }),
      ctx.db.update(emailMessageFiles).set({ attachmentId }).where(and(eq(emailMessageFiles.messageId, message.id), eq(emailMessageFiles.position, f.position))),
    );
  }
  await runBatch(ctx.env.DB, statements);
  const [updated] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, message.id));
  const [email] = await messageViews(ctx.db, [updated!]);
  return { threadId: thread.id, email: email! };
}
