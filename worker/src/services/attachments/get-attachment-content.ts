import { eq } from 'drizzle-orm';
import type { R2ObjectBody } from '@cloudflare/workers-types';
import type { ServiceCtx } from '../../context';
import { attachments, directCosts, emailMessageFiles, emailMessages, emailThreads, invoiceAttachments } from '../../db/schema';
import { asNotFound, notFound, orNullIfNotFound } from '../../lib/app-error';
import { loadContractAccess } from '../access/contract-access';
import { atLeast } from '../access/levels';
import { loadProjectAccess } from '../access/project-access';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { canSeeThread, loadParticipants } from '../emails/thread-views';

type Attachment = typeof attachments.$inferSelect;

const canSeeInvoice = (ctx: ServiceCtx, invoiceId: string) => orNullIfNotFound(loadInvoiceRow(ctx, invoiceId));

/**
 * Whether the user may read a file: its uploader; else anyone who can see a thread that carries it
 * (private threads included in that rule) or an invoice it is attached to; a file linked to
 * nothing yet (a direct cost's receipt, an upload not sent yet) is readable by the project's
 * members with read access on a tool, not by level-none members or invoice contacts
 * (docs/security-rules.md "Files"). Everyone else: 404.
 */
async function mayRead(ctx: ServiceCtx, a: Attachment, readsProject: boolean): Promise<boolean> {
  if (a.uploadedBy === ctx.user.id) return true;
  const threads = await ctx.db
    .selectDistinct({ thread: emailThreads })
    .from(emailMessageFiles)
    .innerJoin(emailMessages, eq(emailMessages.id, emailMessageFiles.messageId))
    .innerJoin(emailThreads, eq(emailThreads.id, emailMessages.threadId))
    .where(eq(emailMessageFiles.attachmentId, a.id));
  const participants = await loadParticipants(
    ctx.db,
    threads.map((t) => t.thread.id),
  );
  for (const { thread } of threads) {
    const seen = await canSeeInvoice(ctx, thread.invoiceId);
    if (
      seen &&
      canSeeThread(
        thread,
        participants.filter((p) => p.threadId === thread.id),
        ctx.user,
        seen.access.isToolAdmin,
      )
    )
      return true;
  }
  const invoices = await ctx.db.select({ invoiceId: invoiceAttachments.invoiceId }).from(invoiceAttachments).where(eq(invoiceAttachments.attachmentId, a.id));
  for (const { invoiceId } of invoices) if (await canSeeInvoice(ctx, invoiceId)) return true;
  if (threads.length || invoices.length || !readsProject) return false;
  // a direct cost's receipt goes with its contract: hidden with a contract the user may not see
  const costs = await ctx.db.select({ contractId: directCosts.contractId }).from(directCosts).where(eq(directCosts.receiptAttachmentId, a.id));
  for (const { contractId } of costs) if (contractId && !(await orNullIfNotFound(loadContractAccess(ctx, contractId)))) return false;
  return true;
}

export async function getAttachmentContent({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { attachmentId: string };
}): Promise<{ attachment: Attachment; body: R2ObjectBody }> {
  const [a] = await ctx.db.select().from(attachments).where(eq(attachments.id, input.attachmentId)).limit(1);
  if (!a) throw notFound('Attachment');
  const access = await asNotFound(loadProjectAccess(ctx, a.projectId), 'Attachment');
  const readsProject = access.isMember && (atLeast(access.primeContracts, 'read_only') || atLeast(access.commitments, 'read_only'));
  if (!(await mayRead(ctx, a, readsProject))) throw notFound('Attachment');
  const body = await ctx.env.FILES.get(a.r2Key);
  if (!body) throw notFound('Attachment content');
  return { attachment: a, body };
}
