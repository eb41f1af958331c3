import { and, asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { attachments, lienWaiverEvents, lienWaivers } from '../../db/schema';
import type { OutboundFile } from '../../email/queue-outbound';
import type { BatchStatement } from '../../lib/batch';

/** The detail of an 'emailed' event: the message and whom it went to (a single send and a send batch alike). */
export const emailedDetail = (messageId: string, to: string[]) => JSON.stringify({ messageId, to });

/**
 * The signed waivers we issued for this invoice, as files of its email (services/emails/
 * send-invoice-email.ts adds them to what the sender picked; services/send-batches/invoice-content.ts
 * attaches all of them), and the "emailed" events to record with the message in the same batch.
 * A void waiver has left the invoice and is not sent.
 */
export async function signedWaiverFiles(
  ctx: ServiceCtx,
  invoiceId: string,
  alreadyPicked: string[],
): Promise<{
  files: OutboundFile[];
  /** every signed waiver, oldest first, picked or not: a send batch records their events itself */
  waivers: Array<{ waiverId: string; file: OutboundFile }>;
  emailedEvents: (messageId: string, to: string[]) => BatchStatement[];
}> {
  const rows = await ctx.db
    .select({ waiverId: lienWaivers.id, file: attachments })
    .from(lienWaivers)
    .innerJoin(attachments, eq(attachments.id, lienWaivers.attachmentId))
    .where(and(eq(lienWaivers.invoiceId, invoiceId), eq(lienWaivers.direction, 'issued'), eq(lienWaivers.status, 'signed')))
    .orderBy(asc(lienWaivers.signedAt));
  const picked = new Set(alreadyPicked);
  const waivers = rows.map(({ waiverId, file }) => ({
    waiverId,
    file: { attachmentId: file.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, r2Key: file.r2Key },
  }));
  const files = waivers.filter((w) => !picked.has(w.file.attachmentId)).map((w) => w.file);
  const emailedEvents = (messageId: string, to: string[]) =>
    rows.map((r) =>
      ctx.db.insert(lienWaiverEvents).values({ waiverId: r.waiverId, action: 'emailed', userId: ctx.user.id, detailJson: emailedDetail(messageId, to) }),
    );
  return { files, waivers, emailedEvents };
}
