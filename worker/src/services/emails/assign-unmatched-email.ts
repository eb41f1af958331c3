import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TEmailMessageView } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { attachments, emailMessageFiles, emailMessages, emailParticipants, emailThreads, emailUnmatchedProjects, projects } from '../../db/schema';
import { AppError, notFound, orNullIfNotFound } from '../../lib/app-error';
import { runBatch, type BatchStatement } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { requireToolAdmin } from '../access/contract-access';
import type { Tool } from '../access/levels';
import { loadProjectAccess } from '../access/project-access';
import { seesUnmatched } from './list-unmatched-emails';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { messageViews } from './message-view';

/**
 * Files an unmatched reply onto a thread (then it is classified on that invoice like any reply).
 * Needs admin on the thread's contract tool, and the reply must be listed for the thread's project
 * and visible to this user there (docs/security-rules.md "Unmatched replies").
 */
export async function assignUnmatchedEmail({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { messageId: string; threadId: string };
}): Promise<{ threadId: string; email: TEmailMessageView }> {
  const [thread] = await ctx.db.select().from(emailThreads).where(eq(emailThreads.id, input.threadId)).limit(1);
  if (!thread)
    throw new AppError('VALIDATION_FAILED', 'No such thread', [{ field: 'threadId', code: 'UNKNOWN_THREAD', message: `No thread ${input.threadId}` }]);
  // A thread on an invoice this user may not see is reported like a missing one.
  const visible = await orNullIfNotFound(loadInvoiceRow(ctx, thread.invoiceId));
  if (!visible)
    throw new AppError('VALIDATION_FAILED', 'No such thread', [{ field: 'threadId', code: 'UNKNOWN_THREAD', message: `No thread ${input.threadId}` }]);
  const { access } = visible;
  requireToolAdmin(access, 'Filing a reply onto an invoice thread');
  const [row] = await ctx.db
    .select({ message: emailMessages, tools: emailUnmatchedProjects.tools })
    .from(emailUnmatchedProjects)
    .innerJoin(emailMessages, eq(emailMessages.id, emailUnmatchedProjects.messageId))
    .where(and(eq(emailUnmatchedProjects.messageId, input.messageId), eq(emailUnmatchedProjects.projectId, thread.projectId), isNull(emailMessages.threadId)))
    .limit(1);
  if (!row || !seesUnmatched(await loadProjectAccess(ctx, thread.projectId), JSON.parse(row.tools) as Tool[])) throw notFound('Unmatched email');
  const listings = await ctx.db
    .select({ projectId: emailUnmatchedProjects.projectId, companyId: projects.companyId })
    .from(emailUnmatchedProjects)
    .innerJoin(projects, eq(projects.id, emailUnmatchedProjects.projectId))
    .where(eq(emailUnmatchedProjects.messageId, input.messageId));
  const companyId = listings.find((l) => l.projectId === thread.projectId)!.companyId;
  const ours = listings.filter((l) => l.companyId === companyId).map((l) => l.projectId);
  // Listed for another company's projects too (the sender works with both): that company keeps its
  // copy; this thread gets a copy of its own. Filing never moves mail across companies.
  const isShared = ours.length < listings.length;
  const original = row.message;
  const message = isShared ? { ...original, id: newId('em_in'), providerMessageId: null } : original;
  const [onThread] = await ctx.db
    .select({ email: emailParticipants.email })
    .from(emailParticipants)
    .where(and(eq(emailParticipants.threadId, thread.id), eq(emailParticipants.email, message.fromEmail)))
    .limit(1);
  const files = await ctx.db.select().from(emailMessageFiles).where(eq(emailMessageFiles.messageId, original.id));
  const filed = { threadId: thread.id, projectId: thread.projectId, isFromOutsider: !onThread, unmatchedReason: null };
  const statements: BatchStatement[] = isShared
    ? [
        ctx.db.insert(emailMessages).values({ ...message, ...filed, createdAt: original.createdAt }),
        ctx.db.delete(emailUnmatchedProjects).where(and(eq(emailUnmatchedProjects.messageId, original.id), inArray(emailUnmatchedProjects.projectId, ours))),
      ]
    : [
        ctx.db
          .update(emailMessages)
          .set(filed)
          .where(and(eq(emailMessages.id, message.id), isNull(emailMessages.threadId))),
        ctx.db.delete(emailUnmatchedProjects).where(eq(emailUnmatchedProjects.messageId, message.id)),
      ];
  for (const f of files) {
    if (f.attachmentId && !isShared) continue;
    const attachmentId = newId('att');
    statements.push(
      ctx.db.insert(attachments).values({
        id: attachmentId,
        projectId: thread.projectId,
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        r2Key: f.r2Key,
        origin: 'inbound_email',
      }),
      isShared
        ? ctx.db.insert(emailMessageFiles).values({ ...f, messageId: message.id, attachmentId })
        : ctx.db
            .update(emailMessageFiles)
            .set({ attachmentId })
            .where(and(eq(emailMessageFiles.messageId, message.id), eq(emailMessageFiles.position, f.position))),
    );
  }
  await runBatch(ctx.env.DB, statements);
  const [updated] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, message.id));
  const [email] = await messageViews(ctx.db, [updated!]);
  return { threadId: thread.id, email: email! };
}
