import type { z } from 'zod';
import { MAX_BATCH_ITEMS, type TSendBatchView, type ZRegisterSendBatch } from '@shared/api/send-batches';
import type { ErrorDetail } from '@shared/errors';
import { toLocale } from '@shared/i18n/locales';
import type { ServiceCtx } from '../../context';
import { sendBatches } from '../../db/schema';
import { newReplyToken } from '../../email/addresses';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { recipientsByInvoice } from './batch-recipients';
import { requireBulkSendAdmin } from './batch-access';
import { batchView } from './batch-view';
import { insertJsonRows } from './json-rows';
import { selectInvoices } from './select-invoices';
import { defaultSubjectTemplate, renderSubject, unknownPlaceholders } from './subject-template';

type Body = z.output<typeof ZRegisterSendBatch>;

const ITEM_COLUMNS = [
  ['id', 'id'],
  ['batch_id', 'batchId'],
  ['position', 'position'],
  ['invoice_id', 'invoiceId'],
  ['contract_id', 'contractId'],
  ['invoice_number', 'invoiceNumber'],
  ['contract_number', 'contractNumber'],
  ['recipient_email', 'recipientEmail'],
  ['recipient_name', 'recipientName'],
  ['recipient_user_id', 'recipientUserId'],
  ['subject', 'subject'],
  ['thread_id', 'threadId'],
  ['email_message_id', 'emailMessageId'],
  ['reply_token', 'replyToken'],
] as const;

/**
 * Registers a bulk send (docs/domain.md "Sending invoices by email in bulk"): the invoices and their
 * recipients are resolved now and stored as items (one per invoice × recipient, subject rendered),
 * so what the user reviews is exactly what goes out. Nothing is sent until the batch is started.
 */
export async function registerSendBatch({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: Body } }): Promise<TSendBatchView> {
  const access = await requireBulkSendAdmin(ctx, input.projectId);
  const { body } = input;
  // the pane sends its display language; the profile's language is only the fallback
  const locale = body.locale ?? toLocale(ctx.user.locale) ?? 'en';
  const subjectTemplate = body.subjectTemplate ?? defaultSubjectTemplate(locale);
  const problems: ErrorDetail[] = unknownPlaceholders(subjectTemplate).map((name) => ({
    field: 'subjectTemplate',
    code: 'UNKNOWN_PLACEHOLDER',
    message: `Unknown placeholder {${name}}; use {invoiceNumber}, {contractNumber}, {contractTitle}, {periodStart}, {periodEnd}, {dueDate}, {project} or {projectNumber}`,
  }));
  const selected = await selectInvoices(ctx, input.projectId, body.selections);
  problems.push(...selected.problems);
  const recipients = await recipientsByInvoice(ctx, input.projectId, selected.invoices, body.recipients);
  problems.push(...recipients.problems);
  if (problems.length) throw new AppError('VALIDATION_FAILED', `The send batch cannot be registered: ${problems.length} problem(s)`, problems);

  const itemCount = selected.invoices.reduce((n, inv) => n + recipients.byInvoice.get(inv.id)!.length, 0);
  if (itemCount > MAX_BATCH_ITEMS) {
    const message = `The batch would hold ${itemCount.toLocaleString('en')} messages (invoices × recipients); at most ${MAX_BATCH_ITEMS.toLocaleString('en')} fit in one batch. Split it, e.g. by contract.`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'selections', code: 'TOO_MANY_ITEMS', message }]);
  }

  const batchId = newId('sb');
  const project = access.project;
  const items = selected.invoices.flatMap((inv) => {
    const p = inv.billingPeriod;
    const subject = renderSubject(subjectTemplate, {
      invoiceNumber: String(inv.number),
      contractNumber: String(inv.contract.number),
      contractTitle: inv.contract.title,
      periodStart: p.start,
      periodEnd: p.end,
      dueDate: p.due,
      project: project.name,
      projectNumber: project.number,
    });
    return recipients.byInvoice.get(inv.id)!.map((person) => ({
      invoiceId: inv.id,
      contractId: inv.contract.id,
      invoiceNumber: inv.number,
      contractNumber: inv.contract.number,
      recipientEmail: person.email,
      recipientName: person.name,
      recipientUserId: person.userId,
      subject,
    }));
  });
  const rows = items.map((item, position) => ({
    ...item,
    id: newId('sbi'),
    batchId,
    position,
    // the thread, message and reply address this item opens on its invoice once sent (the email module's tables)
    threadId: newId('thr'),
    emailMessageId: newId('em'),
    replyToken: newReplyToken(),
  }));
  const batch = {
    id: batchId,
    projectId: input.projectId,
    name: body.name,
    status: 'registered' as const,
    selectionJson: JSON.stringify(body.selections),
    recipientMode: body.recipients.mode,
    subjectTemplate,
    message: body.message,
    attachPdf: body.attachPdf,
    locale,
    itemCount: rows.length,
    invoiceCount: selected.invoices.length,
    createdBy: ctx.user.id,
  };
  await runBatch(ctx.env.DB, [ctx.db.insert(sendBatches).values(batch), ...insertJsonRows(ctx.env.DB, 'send_batch_items', ITEM_COLUMNS, rows)]);
  return batchView(ctx, batchId);
}
