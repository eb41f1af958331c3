import { eq } from 'drizzle-orm';
import type { R2ObjectBody } from '@cloudflare/workers-types';
import type { ServiceCtx } from '../../context';
import { attachments, emailMessageFiles, emailMessages, emailThreads, invoiceAttachments } from '../../db/schema';
import { asNotFound, notFound, orNullIfNotFound } from '../../lib/app-error';
import { loadProjectAccess } from '../access/project-access';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { canSeeThread, loadParticipants } from '../emails/thread-views';

type Attachment = typeof attachments.$inferSelect;

const canSeeInvoice = (ctx: ServiceCtx, invoiceId: string) => orNullIfNotFound(loadInvoiceRow(ctx, invoiceId));

/**
 * Whether the user may read a file: its uploader; else anyone who can see a thread that carries it
 * (private threads included in that rule) or an invoice it is attached to; a file linked to
 * nothing yet is readable by the project's members. Everyone else: 404.
 */
async function mayRead(ctx: ServiceCtx, a: Attachment, isMember: boolean): Promise<boolean> {
  if (a.uploadedBy === ctx.user.id) return true;
  const threads = await ctx.db
    .selectDistinct({ thread: emailThreads })
    .from(emailMessageFiles)
    .innerJoin(emailMessages, eq(emailMessages.id, emailMessageFiles.messageId))
    .innerJoin(emailThreads, eq(emailThreads.id, emailMessages.threadId))
    .where(eq(emailMessageFiles.attachmentId, a.id));
  const participants = await loadParticipants(ctx.db, threads.map((t) => t.thread.id));
  for (const { thread } of threads) {
    const seen = await canSeeInvoice(ctx, thread.invoiceId);
    if (seen && canSeeThread(thread, participants.filter((p) => p.threadId === thread.id), ctx.user, seen.access.isToolAdmin)) return true;
  }
  const invoices = await ctx.db.select({ invoiceId: invoiceAttachments.invoiceId }).from(invoiceAttachments).where(eq(invoiceAttachments.attachmentId, a.id));
  for (const { invoiceId } of invoices) if (await canSeeInvoice(ctx, invoiceId)) return true;
  return threads.length === 0 && invoices.length === 0 && isMember;
}

export async function getAttachmentContent({ ctx, input }: { ctx: ServiceCtx; input: { attachmentId: string } }): Promise<{ attachment: Attachment; body: R2ObjectBody }> {
  const [a] = await ctx.db.select().from(attachments).where(eq(attachments.id, input.attachmentId)).limit(1);
  if (!a) throw notFound('Attachment');
  const { isMember } = await asNotFound(loadProjectAccess(ctx, a.projectId), 'Attachment');
  if (!(await mayRead(ctx, a, isMember))) throw notFound('Attachment');
  const body = await ctx.env.FILES.get(a.r2Key);
  if (!body) throw notFound('Attachment content');
  return { attachment: a, body };
}
